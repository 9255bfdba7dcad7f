<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AboutBox</name>
    <message>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <source>{name} {version}
按{reference}格式编写、核对和导出政府信息公开工作年度报告。</source>
        <translation>{name} {version}
Writes, checks and exports the annual report on government information disclosure in the format of {reference}.</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>政府信息公开年报助手</source>
        <translation>Annual Report Assistant</translation>
    </message>
</context>
<context>
    <name>BasicsTab</name>
    <message>
        <source>如：重庆市长寿区长寿湖镇人民政府</source>
        <translation>e.g. 重庆市长寿区长寿湖镇人民政府</translation>
    </message>
    <message>
        <source>{label}“{typed}”：{problem}</source>
        <translation>{label} “{typed}”: {problem}</translation>
    </message>
    <message>
        <source>机关全称在标题中一行排不下时，可在此按词分行（每行一行）；留空则自动分行。</source>
        <translation>When the name does not fit one title line, break it here between words (one line each); leave empty to break it automatically.</translation>
    </message>
    <message>
        <source>分行后的文字与机关全称不一致，导出时将自动分行：</source>
        <translation>These lines do not spell the agency&apos;s name; the export breaks it by itself: </translation>
    </message>
    <message>
        <source>标题中排为{count}行：</source>
        <translation>In the title, {count} lines: </translation>
    </message>
    <message>
        <source> ｜ </source>
        <translation> | </translation>
    </message>
    <message>
        <source> 年度</source>
        <translation> (report year)</translation>
    </message>
    <message>
        <source>{label}：</source>
        <translation>{label}:</translation>
    </message>
    <message>
        <source>报告正文之前的说明：编制依据、报告的组成部分、统计期限等。</source>
        <translation>What comes before part 一: the basis, the parts of the report, the period covered.</translation>
    </message>
    <message>
        <source>格式版本：</source>
        <translation>Format:</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <source>示例报告（未保存）</source>
        <translation>Sample report (not saved)</translation>
    </message>
    <message>
        <source>年报项目</source>
        <translation>Report project</translation>
    </message>
    <message>
        <source>正在读取“{name}”…</source>
        <translation>Reading “{name}”…</translation>
    </message>
    <message>
        <source>“{name}”不能打开：只能打开年报项目（{suffix}）或导入{kinds}。</source>
        <translation>“{name}” cannot be opened: only annual report projects ({suffix}) can be opened, and {kinds} imported.</translation>
    </message>
    <message>
        <source>导入表格数据（{name}）</source>
        <translation>Import table figures ({name})</translation>
    </message>
    <message>
        <source>改动了 {count} 个格子，可以撤销。</source>
        <translation>{count} cells changed; this can be undone.</translation>
    </message>
    <message>
        <source>空白</source>
        <translation>blank</translation>
    </message>
    <message>
        <source>保存检查汇总</source>
        <translation>Save the summary of the check</translation>
    </message>
    <message>
        <source>{name}（副本{number}）</source>
        <translation>{name} (copy{number})</translation>
    </message>
    <message>
        <source>{cell}：{old} → {new}</source>
        <translation>{cell}: {old} → {new}</translation>
    </message>
    <message>
        <source>表格中的数字与报告相同，没有改动。</source>
        <translation>The workbook holds the same figures as the report: nothing changed.</translation>
    </message>
    <message>
        <source>导入表格数据</source>
        <translation>Import table figures</translation>
    </message>
    <message>
        <source>请换一个文件名保存。</source>
        <translation>Please save under another file name.</translation>
    </message>
    <message>
        <source>已保存到 {path}</source>
        <translation>Saved to {path}</translation>
    </message>
    <message>
        <source>已导出 {path}</source>
        <translation>Exported {path}</translation>
    </message>
    <message>
        <source>已导出“{name}”。</source>
        <translation>Exported “{name}”.</translation>
    </message>
    <message>
        <source>正在导出{kind}…</source>
        <translation>Exporting {kind}…</translation>
    </message>
    <message>
        <source>选择要检查的文件夹</source>
        <translation>Choose the folder to check</translation>
    </message>
    <message>
        <source>年报检查汇总-{date}.xlsx</source>
        <translation>report-check-summary-{date}.xlsx</translation>
    </message>
    <message>
        <source>批量检查已取消（检查了 {done}/{total} 份）。</source>
        <translation>Batch check cancelled ({done} of {total} checked).</translation>
    </message>
    <message>
        <source>正在批量检查“{name}”…</source>
        <translation>Checking the reports in “{name}”…</translation>
    </message>
    <message>
        <source>请等上一项工作完成。</source>
        <translation>Please wait until the work under way is done.</translation>
    </message>
    <message>
        <source>{name}（{number}）</source>
        <translation>{name} ({number})</translation>
    </message>
    <message>
        <source>未命名</source>
        <translation>Untitled</translation>
    </message>
    <message>
        <source>“{name}”是{found}年度的报告，而本报告是{year}年度的，上一年度应是{expected}年度。仍要与它对照吗？</source>
        <translation>“{name}” is the report for {found}, but this report is for {year}, so last year&apos;s should be for {expected}. Compare with it anyway?</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>从日历中选择（Alt+↓）</source>
        <translation>Choose from a calendar (Alt+Down)</translation>
    </message>
    <message>
        <source>日历</source>
        <translation>Calendar</translation>
    </message>
    <message>
        <source>未填写（如 {date}）</source>
        <translation>Not filled in (e.g. {typed})</translation>
    </message>
</context>
<context>
    <name>Details</name>
    <message>
        <source>选中一个问题，这里显示它的详情和改正的办法。</source>
        <translation>Select a problem to see it in full, with ways to fix it.</translation>
    </message>
    <message>
        <source>共 {count} 处，展开可逐一查看。第一处：{message}</source>
        <translation>{count} places; expand to see each. The first: {message}</translation>
    </message>
    <message>
        <source>{tables}未发生的事项填0</source>
        <translation>Fill the blanks of {tables} with 0</translation>
    </message>
    <message>
        <source>全部表格未发生的事项填0</source>
        <translation>Fill the blanks of all tables with 0</translation>
    </message>
    <message>
        <source>转到第一处</source>
        <translation>Go to the first</translation>
    </message>
    <message>
        <source>这个总计是手动填写的，不会随各项自动计算。</source>
        <translation>This total was typed in: it does not add up its items by itself.</translation>
    </message>
    <message>
        <source>说明：{text}</source>
        <translation>Explanation: {text}</translation>
    </message>
    <message>
        <source>改为{value}</source>
        <translation>Change to {value}</translation>
    </message>
    <message>
        <source>{cell}改为{value}</source>
        <translation>{cell} to {value}</translation>
    </message>
    <message>
        <source>恢复自动计算</source>
        <translation>Compute automatically again</translation>
    </message>
    <message>
        <source>本表未发生的事项填0</source>
        <translation>Fill this table&apos;s blanks with 0</translation>
    </message>
    <message>
        <source>修改说明…</source>
        <translation>Edit the explanation…</translation>
    </message>
    <message>
        <source>说明…</source>
        <translation>Explain…</translation>
    </message>
    <message>
        <source>转到</source>
        <translation>Go to</translation>
    </message>
</context>
<context>
    <name>Edits</name>
    <message>
        <source>修改{field}</source>
        <translation>Change {field}</translation>
    </message>
    <message>
        <source>不再对照上年报告</source>
        <translation>Stop comparing with last year&apos;s report</translation>
    </message>
    <message>
        <source>对照上年报告“{source}”</source>
        <translation>Compare with last year&apos;s report “{source}”</translation>
    </message>
    <message>
        <source>编辑“{heading}”</source>
        <translation>Edit “{heading}”</translation>
    </message>
    <message>
        <source>编辑小标题{number}的标题</source>
        <translation>Edit the title of sub-head {number}</translation>
    </message>
    <message>
        <source>编辑小标题{number}的内容</source>
        <translation>Edit the text of sub-head {number}</translation>
    </message>
    <message>
        <source>说明警告（{code}）</source>
        <translation>Explain warning {code}</translation>
    </message>
    <message>
        <source>删除警告（{code}）的说明</source>
        <translation>Remove the explanation of warning {code}</translation>
    </message>
    <message>
        <source>添加小标题“{title}”</source>
        <translation>Add sub-head “{title}”</translation>
    </message>
    <message>
        <source>按小标题分段粘贴</source>
        <translation>Paste by sub-head</translation>
    </message>
    <message>
        <source>删除小标题“{title}”</source>
        <translation>Remove sub-head “{title}”</translation>
    </message>
    <message>
        <source>调整小标题顺序</source>
        <translation>Reorder sub-heads</translation>
    </message>
</context>
<context>
    <name>ExplanationDialog</name>
    <message>
        <source>说明这个警告</source>
        <translation>Explain this warning</translation>
    </message>
    <message>
        <source>若情况属实（如本机关确有规章、数字确与上年相差较大），写明原因。说明随项目保存，核对时这个警告计为“已说明”；相关数字改动后，警告会重新出现。</source>
        <translation>If the warning is true as it stands (the agency really has a regulation, a figure really differs much from last year), say why. The explanation is kept with the project and the warning counts as explained; once its figures change, the warning comes back.</translation>
    </message>
    <message>
        <source>保存说明</source>
        <translation>Keep the explanation</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ExportWithErrorsQuestion</name>
    <message>
        <source>报告中还有错误</source>
        <translation>The report still has errors</translation>
    </message>
    <message>
        <source>报告中还有 {errors} 个错误、{missing} 处未填（见“问题”面板），导出的文件只能作为草稿。</source>
        <translation>The report still has {errors} errors and {missing} blanks (see the Problems panel): the exported file can only serve as a draft.</translation>
    </message>
    <message>
        <source>报告中还有 {errors} 个错误（见“问题”面板），导出的文件只能作为草稿。</source>
        <translation>The report still has {errors} errors (see the Problems panel): the exported file can only serve as a draft.</translation>
    </message>
    <message>
        <source>报告还没有填完</source>
        <translation>The report is not filled in yet</translation>
    </message>
    <message>
        <source>报告中还有 {missing} 处未填（见“问题”面板），导出的文件只能作为草稿。</source>
        <translation>The report still has {missing} blanks (see the Problems panel): the exported file can only serve as a draft.</translation>
    </message>
    <message>
        <source>仍要导出吗？</source>
        <translation>Export it anyway?</translation>
    </message>
    <message>
        <source>导出草稿(&amp;D)</source>
        <translation>Export a &amp;draft</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>FileOffer</name>
    <message>
        <source>打开(&amp;O)</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>打开所在文件夹(&amp;F)</source>
        <translation>Open the &amp;folder</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>无法打开“{path}”：这台电脑上没有设置打开它的程序。</source>
        <translation>Cannot open “{path}”: no program on this computer is set to open it.</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>使用说明</source>
        <translation>Guide</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>下一个 / 上一个标签页</source>
        <translation>Next / previous tab</translation>
    </message>
    <message>
        <source>方向键、Tab、Enter</source>
        <translation>Arrows, Tab, Enter</translation>
    </message>
    <message>
        <source>在表格中移动；直接输入数字即填写，Enter 确认并下移</source>
        <translation>Move in a table; type a figure to fill in a cell, Enter to enter it and go down</translation>
    </message>
    <message>
        <source>选中多个格子，输入数字，Ctrl+Enter</source>
        <translation>Select cells, type a figure, Ctrl+Enter</translation>
    </message>
    <message>
        <source>把这个数字填入所有选中的格子</source>
        <translation>Put the figure into every selected cell</translation>
    </message>
    <message>
        <source>清除选中的格子（手动填写的总计恢复自动计算）</source>
        <translation>Clear the selected cells (a typed total computes itself again)</translation>
    </message>
    <message>
        <source>复制、粘贴，可以与 Excel、WPS 表格互相复制一片数字</source>
        <translation>Copy and paste, ranges of figures to and from Excel or WPS</translation>
    </message>
    <message>
        <source>在“一”的文字框中按 Ctrl+V</source>
        <translation>Ctrl+V in a text box of part 一</translation>
    </message>
    <message>
        <source>粘贴上年报告的整个“一、总体情况”（连同各小标题）：各小标题下的文字分别填入对应的小标题</source>
        <translation>Paste last year&apos;s whole “一、总体情况” (sub-head titles included): the text under each sub-head goes to that sub-head</translation>
    </message>
    <message>
        <source>撤销 / 重做（表格和文字共用一份记录）</source>
        <translation>Undo / redo (one history for tables and text)</translation>
    </message>
    <message>
        <source>转到问题列表；回到原来的位置</source>
        <translation>Go to the problems list; back to where you were</translation>
    </message>
    <message>
        <source>问题列表中按 Tab</source>
        <translation>Tab in the problems list</translation>
    </message>
    <message>
        <source>转到所选问题的改正办法（改为…、填0、说明…），按空格执行</source>
        <translation>To the selected problem&apos;s fixes (change to…, fill with 0, explain…); Space applies one</translation>
    </message>
    <message>
        <source>Alt+带下划线的字母</source>
        <translation>Alt+the underlined letter</translation>
    </message>
    <message>
        <source>转到这一栏，如 Alt+A 机关全称、Alt+D 成文日期</source>
        <translation>Go to that field, e.g. Alt+A the agency, Alt+D the date of issue</translation>
    </message>
    <message>
        <source>在小标题中：上移 / 下移这个小标题</source>
        <translation>In a sub-head: move it up / down</translation>
    </message>
    <message>
        <source>在小标题中：删除这个小标题（可以撤销）</source>
        <translation>In a sub-head: remove it (it can be undone)</translation>
    </message>
    <message>
        <source>在成文日期中：打开日历</source>
        <translation>In the date of signature: open the calendar</translation>
    </message>
    <message>
        <source>转到菜单栏</source>
        <translation>Go to the menus</translation>
    </message>
    <message>
        <source>保存；导出 Word 文档</source>
        <translation>Save; export the Word document</translation>
    </message>
    <message>
        <source>常用按键</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>核对的规则</source>
        <translation>The rules checked</translation>
    </message>
    <message>
        <source>文件放在哪里</source>
        <translation>Where files go</translation>
    </message>
    <message>
        <source>错误（红色）必须改正；警告（黄色）请核实，属实的可以写上说明；灰色圆圈是还没有填写的内容。</source>
        <translation>Errors (red) must be corrected; warnings (amber) need checking, and can be explained when true; grey rings mark what is not filled in yet.</translation>
    </message>
    <message>
        <source>{code} {words}：{plain}</source>
        <translation>{code} {words}: {plain}</translation>
    </message>
    <message>
        <source>报告保存为“.govform”项目文件，位置由你选择（新报告第一次保存时从这里选起：{path}）。</source>
        <translation>A report is saved as a “.govform” project file wherever you choose (a new report’s first save starts in: {path}).</translation>
    </message>
    <message>
        <source>未保存的修改每秒自动记下，程序意外退出后，下次启动时可以恢复：{recovery}</source>
        <translation>Unsaved changes are journaled every second and offered back after a crash: {recovery}</translation>
    </message>
    <message>
        <source>设置：{settings}</source>
        <translation>Settings: {settings}</translation>
    </message>
    <message>
        <source>导出的 Word、Excel、网页、PDF 文件默认放在项目文件旁边。</source>
        <translation>Exported Word, Excel, web page and PDF files go beside the project file unless you choose otherwise.</translation>
    </message>
    <message>
        <source>{name} 版本 {version}</source>
        <translation>{name} version {version}</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <source>导入说明：{name}</source>
        <translation>Import report: {name}</translation>
    </message>
    <message>
        <source>从“{name}”读取的报告尚未保存。导入说明共 {count} 条，其中 {check} 条请对照原文核对。</source>
        <translation>The report read from “{name}” is not saved yet. The import report has {count} notes; {check} of them should be checked against the original.</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>相似度</source>
        <translation>Similarity</translation>
    </message>
    <message>
        <source>导入说明</source>
        <translation>Import report</translation>
    </message>
    <message>
        <source>定位(&amp;S)</source>
        <translation>&amp;Show</translation>
    </message>
    <message>
        <source>在报告中显示这条说明所说的格或部分</source>
        <translation>Show the cell or part of the report this note is about</translation>
    </message>
    <message>
        <source>复制全部(&amp;C)</source>
        <translation>&amp;Copy all</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>{kind}（{count}）</source>
        <translation>{kind} ({count})</translation>
    </message>
    <message>
        <source>报告格式</source>
        <translation>Report format</translation>
    </message>
    <message>
        <source>读取的内容</source>
        <translation>What was read</translation>
    </message>
    <message>
        <source>按相似的标签对应</source>
        <translation>Matched by similar labels</translation>
    </message>
    <message>
        <source>推断的信息，请核对</source>
        <translation>Inferred, please check</translation>
    </message>
    <message>
        <source>换算或去掉单位的数字</source>
        <translation>Figures converted or stripped of their unit</translation>
    </message>
    <message>
        <source>空白或填“/”“—”“无”的格</source>
        <translation>Cells left blank or holding “/”, “—” or “无”</translation>
    </message>
    <message>
        <source>不是有效数字的格</source>
        <translation>Cells without a valid figure</translation>
    </message>
    <message>
        <source>没有找到的内容</source>
        <translation>Not found</translation>
    </message>
    <message>
        <source>以图片插入的表格</source>
        <translation>Tables inserted as pictures</translation>
    </message>
    <message>
        <source>未导入的内容</source>
        <translation>Not imported</translation>
    </message>
    <message>
        <source>未作为正文的文字</source>
        <translation>Text not taken as the report&apos;s text</translation>
    </message>
    <message>
        <source>其他说明</source>
        <translation>Other notes</translation>
    </message>
</context>
<context>
    <name>Jobs</name>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>“{title}”没有完成：程序出错（{error}）。请把这句话告诉 govform 的维护者。</source>
        <translation>“{title}” did not finish: the program went wrong ({error}). Please tell govform&apos;s maintainers this sentence.</translation>
    </message>
    <message>
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>LockQuestion</name>
    <message>
        <source>项目已在别处打开</source>
        <translation>The project is open elsewhere</translation>
    </message>
    <message>
        <source>如果那台电脑已经关机或程序已经退出（例如死机后留下的标记），可以选择“接管”，在这里正常编辑和保存。那边若仍在编辑，双方的保存会互相覆盖。</source>
        <translation>If that computer has been shut down or the program there has ended (for example, a mark left after a crash), choose “Take over” to edit and save here as usual. If it is still being edited there, each side&apos;s saves will overwrite the other&apos;s.</translation>
    </message>
    <message>
        <source>以只读方式打开(&amp;R)</source>
        <translation>Open &amp;read-only</translation>
    </message>
    <message>
        <source>接管(&amp;T)</source>
        <translation>&amp;Take over</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>问题</source>
        <translation>Problems</translation>
    </message>
    <message>
        <source>错误和警告的数目</source>
        <translation>Number of errors and warnings</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>新建(&amp;N)…</source>
        <translation>&amp;New…</translation>
    </message>
    <message>
        <source>打开(&amp;O)…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <source>最近打开的文件(&amp;R)</source>
        <translation>&amp;Recent files</translation>
    </message>
    <message>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>另存为(&amp;A)…</source>
        <translation>Save &amp;as…</translation>
    </message>
    <message>
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>复制(&amp;C)</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <source>粘贴(&amp;P)</source>
        <translation>&amp;Paste</translation>
    </message>
    <message>
        <source>全部表格未发生的事项填0(&amp;0)</source>
        <translation>Fill the blanks of all tables with &amp;0</translation>
    </message>
    <message>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>设置(&amp;S)</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <source>界面语言(&amp;L)</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>导出字体(&amp;F)</source>
        <translation>Export &amp;fonts</translation>
    </message>
    <message>
        <source>正文用{font}</source>
        <translation>Body text in {font}</translation>
    </message>
    <message>
        <source>落款右空(&amp;I)…</source>
        <translation>Signature &amp;indent…</translation>
    </message>
    <message>
        <source>自动保存以便崩溃后恢复(&amp;A)</source>
        <translation>&amp;Autosave for recovery after a crash</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>导出(&amp;E)</source>
        <translation>&amp;Export</translation>
    </message>
    <message>
        <source>转到问题列表(&amp;G)</source>
        <translation>&amp;Go to the problems list</translation>
    </message>
    <message>
        <source>显示问题列表(&amp;P)</source>
        <translation>Show the &amp;problems list</translation>
    </message>
    <message>
        <source>下一个标签页(&amp;N)</source>
        <translation>&amp;Next tab</translation>
    </message>
    <message>
        <source>上一个标签页(&amp;B)</source>
        <translation>Previous ta&amp;b</translation>
    </message>
    <message>
        <source>菜单栏(&amp;M)</source>
        <translation>&amp;Menus</translation>
    </message>
    <message>
        <source>工具(&amp;T)</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <source>批量检查文件夹(&amp;B)…</source>
        <translation>&amp;Batch check a folder…</translation>
    </message>
    <message>
        <source>使用说明(&amp;G)</source>
        <translation>&amp;Guide</translation>
    </message>
    <message>
        <source>关于(&amp;A)</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <source>从上年报告新建(&amp;L)…</source>
        <translation>New from &amp;last year&apos;s report…</translation>
    </message>
    <message>
        <source>导入 Word 报告(&amp;I)…</source>
        <translation>&amp;Import a Word report…</translation>
    </message>
    <message>
        <source>导入表格数据到当前报告(&amp;T)…</source>
        <translation>Import &amp;table data into this report…</translation>
    </message>
    <message>
        <source>导入说明(&amp;I)</source>
        <translation>&amp;Import report</translation>
    </message>
    <message>
        <source>指定上年报告(&amp;P)…</source>
        <translation>Choose last year&apos;s re&amp;port…</translation>
    </message>
    <message>
        <source>不再对照上年报告(&amp;C)</source>
        <translation>Stop &amp;comparing with last year&apos;s report</translation>
    </message>
    <message>
        <source>{kind}(&amp;{key})…</source>
        <translation>{kind} (&amp;{key})…</translation>
    </message>
    <message>
        <source>撤销 {what}</source>
        <translation>Undo {what}</translation>
    </message>
    <message>
        <source>重做 {what}</source>
        <translation>Redo {what}</translation>
    </message>
    <message>
        <source>已撤销：{what}</source>
        <translation>Undone: {what}</translation>
    </message>
    <message>
        <source>已重做：{what}</source>
        <translation>Redone: {what}</translation>
    </message>
    <message>
        <source>界面语言将在下次启动本程序时改为“{language}”。</source>
        <translation>The window will be in “{language}” the next time the program starts.</translation>
    </message>
    <message>
        <source>落款右空</source>
        <translation>Signature indent</translation>
    </message>
    <message>
        <source>导出时落款（发文机关署名和成文日期）右空几个字？
GB/T 9704 的要求是右空二字（2）。</source>
        <translation>How many characters from the right margin do the signature and its date stand in exports?
GB/T 9704 asks for two (2).</translation>
    </message>
    <message>
        <source>{cell}改为{value}</source>
        <translation>{cell} to {value}</translation>
    </message>
    <message>
        <source>{cell}恢复自动计算</source>
        <translation>{cell} computes itself again</translation>
    </message>
    <message>
        <source>{tables}未发生的事项填0</source>
        <translation>Fill the blanks of {tables} with 0</translation>
    </message>
    <message>
        <source>已把 {count} 个空白格子填为0（可以撤销）。</source>
        <translation>{count} blank cells filled with 0 (this can be undone).</translation>
    </message>
    <message>
        <source>这是未保存的示例（长寿湖镇2024年的年报），可以随意试用，不会改动示例文件。</source>
        <translation>This is an unsaved sample (Changshouhu town&apos;s report for 2024): try anything, the sample file stays as it is.</translation>
    </message>
    <message>
        <source>新建我的报告…</source>
        <translation>New report of my own…</translation>
    </message>
    <message>
        <source>从上年报告开始…</source>
        <translation>Start from last year&apos;s report…</translation>
    </message>
    <message>
        <source>打开…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <source>{problem}
改正或清空之后才能继续。</source>
        <translation>{problem}
Correct it or clear it to go on.</translation>
    </message>
    <message>
        <source>错误 {errors}</source>
        <translation>Errors {errors}</translation>
    </message>
    <message>
        <source>警告 {warnings}</source>
        <translation>Warnings {warnings}</translation>
    </message>
    <message>
        <source>未填 {missing}</source>
        <translation>To fill in {missing}</translation>
    </message>
    <message>
        <source>已说明 {explained}</source>
        <translation>Explained {explained}</translation>
    </message>
    <message>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>打开{kind}</source>
        <translation>Open {kind}</translation>
    </message>
    <message>
        <source>导出为{kind}</source>
        <translation>Export as {kind}</translation>
    </message>
    <message>
        <source>可以打开的文件 ({patterns})</source>
        <translation>Files that can be opened ({patterns})</translation>
    </message>
    <message>
        <source>保存项目</source>
        <translation>Save project</translation>
    </message>
</context>
<context>
    <name>NarrativeTab</name>
    <message>
        <source>添加小标题(&amp;N)</source>
        <translation>Add a &amp;new sub-head</translation>
    </message>
    <message>
        <source>本部分的概述（可不填），各项内容写在下面的小标题中。</source>
        <translation>An overview of this part (may stay empty); the rest goes under the sub-heads below.</translation>
    </message>
    <message>
        <source>在此填写本部分的内容（必填），每段一行；也可以用下面的按钮分小标题来写。</source>
        <translation>Write this part here (required), one paragraph a line; or divide it into sub-heads with the button below.</translation>
    </message>
    <message>
        <source>在此填写本部分的内容（必填），每段一行。</source>
        <translation>Write this part here (required), one paragraph a line.</translation>
    </message>
    <message>
        <source>在此填写本部分的内容，每段一行。</source>
        <translation>Write this part here, one paragraph a line.</translation>
    </message>
    <message>
        <source>自拟小标题</source>
        <translation>A sub-head of your own</translation>
    </message>
    <message>
        <source>新小标题</source>
        <translation>New sub-head</translation>
    </message>
</context>
<context>
    <name>NewReportDialog</name>
    <message>
        <source>新建年度报告</source>
        <translation>New annual report</translation>
    </message>
    <message>
        <source>如：重庆市长寿区长寿湖镇人民政府</source>
        <translation>e.g. 重庆市长寿区长寿湖镇人民政府</translation>
    </message>
    <message>
        <source>机关全称(&amp;A)：</source>
        <translation>&amp;Agency (full name):</translation>
    </message>
    <message>
        <source>报告年度(&amp;Y)：</source>
        <translation>Report &amp;year:</translation>
    </message>
    <message>
        <source>机关类型(&amp;K)：</source>
        <translation>&amp;Kind of agency:</translation>
    </message>
    <message>
        <source>报告格式(&amp;F)：</source>
        <translation>Report &amp;format:</translation>
    </message>
    <message>
        <source>新建</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>NotesDialog</name>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>PreviousYearNote</name>
    <message>
        <source>对照上年报告：{source}（{year}年度）</source>
        <translation>Compared with last year&apos;s report: {source} ({year})</translation>
    </message>
    <message>
        <source>对照{year}年度的报告</source>
        <translation>Compared with the report for {year}</translation>
    </message>
    <message>
        <source>跨年度的核对（上年结转、现行有效件数、与上年雷同的段落）与{agency}{year}年度的报告对照。</source>
        <translation>The checks across years (applications carried over, documents in force, paragraphs identical to last year&apos;s) compare with the {year} report of {agency}.</translation>
    </message>
</context>
<context>
    <name>ProblemsModel</name>
    <message>
        <source>{words}：{message}</source>
        <translation>{words}: {message}</translation>
    </message>
    <message>
        <source>已说明的警告（{count}）</source>
        <translation>Explained warnings ({count})</translation>
    </message>
    <message>
        <source>{where}：{count} 个单元格未填写</source>
        <translation>{where}: {count} cells not filled in</translation>
    </message>
    <message>
        <source>{where}：{count} 处{words}</source>
        <translation>{where}: {count} × {words}</translation>
    </message>
    <message>
        <source>基本信息</source>
        <translation>Basic information</translation>
    </message>
    <message>
        <source>{code}（{severity}）：{message}</source>
        <translation>{code} ({severity}): {message}</translation>
    </message>
    <message>
        <source>说明：{text}</source>
        <translation>Explanation: {text}</translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <source>只看当前标签页(&amp;O)</source>
        <translation>&amp;Only this tab</translation>
    </message>
    <message>
        <source>只列出当前标签页中的问题</source>
        <translation>List only the problems of the current tab</translation>
    </message>
</context>
<context>
    <name>ProblemsView</name>
    <message>
        <source>问题列表</source>
        <translation>Problems list</translation>
    </message>
    <message>
        <source>当前标签页没有问题。</source>
        <translation>No problems in this tab.</translation>
    </message>
    <message>
        <source>没有发现问题。填写时，错误和警告会列在这里。</source>
        <translation>No problems found. Errors and warnings appear here as you fill in the report.</translation>
    </message>
</context>
<context>
    <name>ReadReport</name>
    <message>
        <source>导入报告</source>
        <translation>Import a report</translation>
    </message>
    <message>
        <source>从上年报告新建：选择上年的报告</source>
        <translation>New from last year&apos;s report: choose last year&apos;s report</translation>
    </message>
    <message>
        <source>指定上年报告：选择与本报告对照的上年报告</source>
        <translation>Choose last year&apos;s report to compare this report with</translation>
    </message>
    <message>
        <source>可以读取的报告 ({patterns})</source>
        <translation>Reports that can be read ({patterns})</translation>
    </message>
</context>
<context>
    <name>ReportTabs</name>
    <message>
        <source>基本信息</source>
        <translation>Basic information</translation>
    </message>
</context>
<context>
    <name>RestoreQuestion</name>
    <message>
        <source>恢复未保存的内容</source>
        <translation>Restore unsaved work</translation>
    </message>
    <message>
        <source>上次程序没有正常退出。{time} 自动保存了“{name}”未保存的修改，是否恢复？</source>
        <translation>The program did not close normally last time. At {time} it journaled unsaved changes to “{name}”. Restore them?</translation>
    </message>
    <message>
        <source>选择“不恢复”将丢弃这些修改。</source>
        <translation>Choosing “Do not restore” discards these changes.</translation>
    </message>
    <message>
        <source>恢复(&amp;R)</source>
        <translation>&amp;Restore</translation>
    </message>
    <message>
        <source>不恢复</source>
        <translation>Do not restore</translation>
    </message>
</context>
<context>
    <name>SubsectionEditor</name>
    <message>
        <source>小标题</source>
        <translation>Sub-head</translation>
    </message>
    <message>
        <source>小标题{number}的标题</source>
        <translation>Title of sub-head {number}</translation>
    </message>
    <message>
        <source>小标题{number}的内容</source>
        <translation>Text of sub-head {number}</translation>
    </message>
    <message>
        <source>上移</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>下移</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>删除此小标题</source>
        <translation>Remove this sub-head</translation>
    </message>
    <message>
        <source>{action}（{keys}）</source>
        <translation>{action} ({keys})</translation>
    </message>
</context>
<context>
    <name>TableModel</name>
    <message>
        <source>自动计算：各分项之和</source>
        <translation>Computed: the sum of its items</translation>
    </message>
    <message>
        <source>手动填写的总计（按 Delete 恢复自动计算）</source>
        <translation>A typed total (Delete makes it compute itself again)</translation>
    </message>
    <message>
        <source>填写 {cell}</source>
        <translation>Fill in {cell}</translation>
    </message>
    <message>
        <source>清除{n}个单元格</source>
        <translation>Clear {n} cells</translation>
    </message>
    <message>
        <source>粘贴{n}个单元格</source>
        <translation>Paste {n} cells</translation>
    </message>
</context>
<context>
    <name>TableTab</name>
    <message>
        <source>未发生的事项填0</source>
        <translation>Fill blanks with 0</translation>
    </message>
    <message>
        <source>把本表所有空白格子填为0（总计自动计算）；可以撤销。</source>
        <translation>Put 0 into every blank cell of this table (totals compute themselves); this can be undone.</translation>
    </message>
    <message>
        <source>表格说明</source>
        <translation>Note on the table</translation>
    </message>
    <message>
        <source>表格说明（可不填，每段一行）：导出时排在表格之后。</source>
        <translation>A note on the table (may stay empty, one paragraph a line): exported after the table.</translation>
    </message>
    <message>
        <source>{table}未发生的事项填0</source>
        <translation>Fill the blanks of {table} with 0</translation>
    </message>
    <message>
        <source>本表还有 {count} 个格子未填写。没有发生的事项请填0；也可以选中一片格子，输入数字后按 Ctrl+Enter。</source>
        <translation>{count} cells of this table are not filled in yet. Write 0 for what did not happen; or select cells, type a figure and press Ctrl+Enter.</translation>
    </message>
</context>
<context>
    <name>UnsavedQuestion</name>
    <message>
        <source>尚未保存</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>“{name}”有尚未保存的修改。是否保存？</source>
        <translation>“{name}” has unsaved changes. Save them?</translation>
    </message>
    <message>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>不保存(&amp;N)</source>
        <translation>Do &amp;not save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>UsePreviousQuestion</name>
    <message>
        <source>指定上年报告</source>
        <translation>Choose last year&apos;s report</translation>
    </message>
    <message>
        <source>仍然对照(&amp;U)</source>
        <translation>Compare an&amp;yway</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
</TS>
