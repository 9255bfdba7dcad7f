<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>BasicsTab</name>
    <message>
        <location filename="../../govform/ui/texts.py" line="109"/>
        <source>如：重庆市长寿区长寿湖镇人民政府</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/texts.py" line="112"/>
        <source>机关全称(&amp;A)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/texts.py" line="118"/>
        <source>机关类型(&amp;K)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/texts.py" line="122"/>
        <source> 年度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/texts.py" line="124"/>
        <source>报告年度(&amp;Y)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/texts.py" line="130"/>
        <source>未填写</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/texts.py" line="132"/>
        <source>成文日期(&amp;D)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/texts.py" line="135"/>
        <source>报告正文之前的说明：编制依据、报告的组成部分、统计期限等。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/texts.py" line="138"/>
        <source>开头部分(&amp;P)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/texts.py" line="143"/>
        <source>格式版本：</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../govform/ui/mainwindow.py" line="48"/>
        <source>问题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/mainwindow.py" line="58"/>
        <source>错误和警告的数目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/mainwindow.py" line="80"/>
        <source>文件(&amp;F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/mainwindow.py" line="81"/>
        <source>新建(&amp;N)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/mainwindow.py" line="82"/>
        <source>打开(&amp;O)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/mainwindow.py" line="83"/>
        <source>最近打开的文件(&amp;R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/mainwindow.py" line="85"/>
        <source>保存(&amp;S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/mainwindow.py" line="86"/>
        <source>另存为(&amp;A)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/mainwindow.py" line="88"/>
        <source>导出 Word(&amp;W)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/mainwindow.py" line="90"/>
        <source>退出(&amp;X)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/mainwindow.py" line="92"/>
        <source>编辑(&amp;E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/mainwindow.py" line="93"/>
        <source>撤销</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/mainwindow.py" line="95"/>
        <source>重做</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/mainwindow.py" line="101"/>
        <source>复制(&amp;C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/mainwindow.py" line="102"/>
        <source>粘贴(&amp;P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/mainwindow.py" line="104"/>
        <source>视图(&amp;V)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/mainwindow.py" line="106"/>
        <source>问题列表(&amp;P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/mainwindow.py" line="110"/>
        <source>设置(&amp;S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/mainwindow.py" line="111"/>
        <source>导出字体(&amp;F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/mainwindow.py" line="114"/>
        <source>正文用{font}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/mainwindow.py" line="119"/>
        <source>自动保存以便崩溃后恢复(&amp;A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/mainwindow.py" line="124"/>
        <source>帮助(&amp;H)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/mainwindow.py" line="125"/>
        <source>关于(&amp;A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/mainwindow.py" line="146"/>
        <source>关于</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/mainwindow.py" line="147"/>
        <source>{name}
按国办公开办函〔2021〕30号格式编写、核对和导出政府信息公开工作年度报告。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/mainwindow.py" line="182"/>
        <source>错误 {errors} · 警告 {warnings}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/mainwindow.py" line="187"/>
        <source>打开项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/mainwindow.py" line="193"/>
        <source>保存项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/mainwindow.py" line="199"/>
        <source>导出 Word</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/mainwindow.py" line="199"/>
        <source>Word 文档 (*.docx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/mainwindow.py" line="203"/>
        <source>年报项目 (*{suffix})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NarrativeTab</name>
    <message>
        <location filename="../../govform/ui/texts.py" line="261"/>
        <source>添加小标题(&amp;N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/texts.py" line="279"/>
        <source>本部分的概述（可不填），各项内容写在下面的小标题中。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/texts.py" line="280"/>
        <source>在此填写本部分的内容，每段一行。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/texts.py" line="295"/>
        <source>自拟小标题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/texts.py" line="295"/>
        <source>新小标题</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewReportDialog</name>
    <message>
        <location filename="../../govform/ui/dialogs.py" line="28"/>
        <source>新建年度报告</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/dialogs.py" line="30"/>
        <source>如：重庆市长寿区长寿湖镇人民政府</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/dialogs.py" line="38"/>
        <source>机关全称(&amp;A)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/dialogs.py" line="39"/>
        <source>报告年度(&amp;Y)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/dialogs.py" line="40"/>
        <source>机关类型(&amp;K)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/dialogs.py" line="42"/>
        <source>新建</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/dialogs.py" line="43"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProblemsView</name>
    <message>
        <location filename="../../govform/ui/problems.py" line="63"/>
        <source>问题列表</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportEditor</name>
    <message>
        <location filename="../../govform/ui/editor.py" line="141"/>
        <source>基本信息</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SubsectionEditor</name>
    <message>
        <location filename="../../govform/ui/texts.py" line="193"/>
        <source>小标题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/texts.py" line="194"/>
        <source>小标题{number}的标题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/texts.py" line="198"/>
        <source>小标题{number}的内容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/texts.py" line="207"/>
        <source>上移</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/texts.py" line="208"/>
        <source>下移</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/texts.py" line="209"/>
        <source>删除此小标题</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TableModel</name>
    <message>
        <location filename="../../govform/ui/grid.py" line="164"/>
        <source>自动计算：各分项之和</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/grid.py" line="166"/>
        <source>手动填写的总计（按 Delete 恢复自动计算）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/grid.py" line="180"/>
        <source>填写 {cell}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/grid.py" line="188"/>
        <source>清除{n}个单元格</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/grid.py" line="197"/>
        <source>剪贴板中没有可粘贴的数字。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/grid.py" line="210"/>
        <source>粘贴的内容有{rows}行{columns}列，从所选单元格起放不进表格的填数区域（第{row}行第{column}列落在表头、栏目名称或表格之外）。未粘贴任何内容。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/grid.py" line="218"/>
        <source>“{text}”（{cell}）不能粘贴：{reason}未粘贴任何内容。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/grid.py" line="222"/>
        <source>粘贴{n}个单元格</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TableTab</name>
    <message>
        <location filename="../../govform/ui/editor.py" line="61"/>
        <source>表格说明</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/editor.py" line="62"/>
        <source>表格说明（可不填，每段一行）：导出时排在表格之后。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../govform/ui/dialogs.py" line="59"/>
        <source>尚未保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/dialogs.py" line="60"/>
        <source>“{name}”有尚未保存的修改。是否保存？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/dialogs.py" line="61"/>
        <source>保存(&amp;S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/dialogs.py" line="62"/>
        <source>不保存(&amp;N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/dialogs.py" line="63"/>
        <location filename="../../govform/ui/dialogs.py" line="97"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/dialogs.py" line="76"/>
        <source>恢复未保存的内容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/dialogs.py" line="78"/>
        <source>上次程序没有正常退出。{time} 自动保存了“{name}”未保存的修改，是否恢复？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/dialogs.py" line="82"/>
        <source>选择“不恢复”将丢弃这些修改。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/dialogs.py" line="83"/>
        <source>恢复(&amp;R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/dialogs.py" line="84"/>
        <source>不恢复</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/dialogs.py" line="93"/>
        <source>报告中还有错误</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/dialogs.py" line="94"/>
        <source>报告中还有 {errors} 个错误（见“问题”面板），导出的文件只能作为草稿。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/dialogs.py" line="95"/>
        <source>仍要导出吗？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../govform/ui/dialogs.py" line="96"/>
        <source>导出草稿(&amp;D)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
