import pytest

from govform.domain.labels import ALIAS, EXACT, SIMILAR, VARIANT, assign, compare, normalise, similarity


@pytest.mark.parametrize(
    ("found", "label", "how"),
    [
        ("（一）予以公开", "（一）予以公开", EXACT),
        ("商业\n企业", "商业企业", EXACT),
        ("(一)予以公开", "（一）予以公开", VARIANT),
        ("（一） 予以 公开", "（一）予以公开", VARIANT),
        ('3.危及"三安全一稳定"', "3.危及“三安全一稳定”", VARIANT),
        ("规范性文件", "行政规范性文件", ALIAS),
        ("现行有效件数（历史累计）", "现行有效件数", SIMILAR),
        ("本年废置件数", "本年废止件数", SIMILAR),
    ],
)
def test_how_printed_labels_match(found, label, how):
    match = compare(found, label, aliases=("规范性文件",) if label == "行政规范性文件" else ())
    assert match.how == how
    assert match.similarity >= (1.0 if how != SIMILAR else 0.8)


def test_normalise_folds_width_quotes_spaces_and_end_punctuation():
    assert normalise("（一）予以公开：") == "(一)予以公开"
    assert normalise("“三安全一稳定”\u3000") == '"三安全一稳定"'


def test_a_sub_head_is_not_the_section_it_resembles():
    assert similarity("主动公开", "主动公开政府信息情况") < 0.75
    assert similarity("主动公开情况", "主动公开") >= 0.75


def test_assign_takes_exact_pairs_first_then_the_most_similar():
    found = ["结果纠正", "结果维护", "其他结果"]
    labels = ["结果维持", "结果纠正", "其他结果", "尚未审结"]
    pairs = assign(found, labels, lambda i, j: compare(found[i], labels[j]))
    assert {labels[j]: found[i] for j, (i, _) in pairs.items()} == {
        "结果纠正": "结果纠正",
        "其他结果": "其他结果",
        "结果维持": "结果维护",
    }
