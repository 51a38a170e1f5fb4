<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BackupsDialog</name>
    <message>
        <source>Made by you</source>
        <translation>手动备份</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>按日</translation>
    </message>
    <message>
        <source>Before an import</source>
        <translation>导入前</translation>
    </message>
    <message>
        <source>Before undoing an import</source>
        <translation>撤销导入前</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <source>On closing</source>
        <translation>关闭时</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Backups are verified copies in {folder}. RepDesk keeps the newest of each of the last 7 days, 4 weeks and 6 months, and every backup you make yourself.</source>
        <translation>备份是保存在 {folder} 中并经过校验的副本。销售工作台保留最近 7 天、4 周和 6 个月中每个时段的最新备份，以及您手动做的所有备份。</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>规模</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>线索</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>Restore this backup…</source>
        <translation>恢复此备份…</translation>
    </message>
    <message>
        <source>Before upgrading the database</source>
        <translation>升级数据库前</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Open Today</source>
        <translation>打开今日</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭提醒</translation>
    </message>
</context>
<context>
    <name>BoardTab</name>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>Only what is due today or earlier, important quadrants first</source>
        <translation>只显示今天及之前到期的任务，重要象限在前</translation>
    </message>
    <message>
        <source>Show done tasks</source>
        <translation>显示已完成任务</translation>
    </message>
    <message>
        <source>Drag cards between quadrants · Ctrl+1…4 move · Alt+↑/↓ reorder · Space done · Enter edit · Del delete · Ctrl+Z undo</source>
        <translation>拖动卡片到其他象限 · Ctrl+1…4 移动 · Alt+↑/↓ 排序 · 空格 完成 · 回车 编辑 · Del 删除 · Ctrl+Z 撤销</translation>
    </message>
    <message>
        <source>Add a task here and press Enter</source>
        <translation>在此输入任务后按回车</translation>
    </message>
    <message>
        <source>New task in {quadrant}</source>
        <translation>{quadrant}中的新任务</translation>
    </message>
</context>
<context>
    <name>CaseDialog</name>
    <message>
        <source>Case</source>
        <translation>案例</translation>
    </message>
    <message>
        <source>Win</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>教训</translation>
    </message>
    <message>
        <source>(no customer)</source>
        <translation>（无客户）</translation>
    </message>
    <message>
        <source>The words that worked (or did not)</source>
        <translation>起作用（或没起作用）的原话</translation>
    </message>
    <message>
        <source>What to repeat, or what to avoid next time</source>
        <translation>下次要重复的做法，或要避免的做法</translation>
    </message>
    <message>
        <source>no deal</source>
        <translation>无成交</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Deal amount</source>
        <translation>成交金额</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>经过</translation>
    </message>
    <message>
        <source>What was said</source>
        <translation>怎么说的</translation>
    </message>
    <message>
        <source>What to repeat or avoid</source>
        <translation>要重复或避免的</translation>
    </message>
</context>
<context>
    <name>ContactsDialog</name>
    <message>
        <source>Main contact: {name}</source>
        <translation>主要联系人：{name}</translation>
    </message>
</context>
<context>
    <name>ContactsEditor</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Add contact</source>
        <translation>添加联系人</translation>
    </message>
    <message>
        <source>Remove contact</source>
        <translation>删除联系人</translation>
    </message>
    <message>
        <source>(not known)</source>
        <translation>（未知）</translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>规模</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>客户类型</translation>
    </message>
    <message>
        <source>Birthday (YYYY-MM-DD or MM-DD)</source>
        <translation>生日（YYYY-MM-DD 或 MM-DD）</translation>
    </message>
    <message>
        <source>The birthday is a lunar calendar date</source>
        <translation>生日是农历日期</translation>
    </message>
    <message>
        <source>Founded</source>
        <translation>成立日期</translation>
    </message>
    <message>
        <source>Contract ends</source>
        <translation>合同到期</translation>
    </message>
    <message>
        <source>The contact person has left</source>
        <translation>对接人已离职</translation>
    </message>
    <message>
        <source>(by the rules)</source>
        <translation>（按规则）</translation>
    </message>
    <message>
        <source>Lifecycle stage</source>
        <translation>生命周期阶段</translation>
    </message>
    <message>
        <source>More contacts</source>
        <translation>其他联系人</translation>
    </message>
</context>
<context>
    <name>DashboardTab</name>
    <message>
        <source>Revenue</source>
        <translation>业绩</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>成交单数</translation>
    </message>
    <message>
        <source>Average order value</source>
        <translation>客单价</translation>
    </message>
    <message>
        <source>Close rate</source>
        <translation>成交率</translation>
    </message>
    <message>
        <source>Daily record</source>
        <translation>每日记录</translation>
    </message>
    <message>
        <source>Effective visits</source>
        <translation>有效拜访</translation>
    </message>
    <message>
        <source>Effective leads</source>
        <translation>有效线索</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>¥ 10k</source>
        <translation>万元</translation>
    </message>
    <message>
        <source>Leads: the channel&apos;s leads created this month through the day shown; won: those of them won by then; conversion = won ÷ leads. Deals and revenue: the orders this month of the channel&apos;s customers, old and new; ROI = (revenue − cost) ÷ cost.</source>
        <translation>线索：该渠道本月（截至所示日期）新建的线索；赢单：其中截至当日已赢单的；转化率 = 赢单 ÷ 线索。成交单数和业绩：该渠道客户（新老客户）本月的订单；ROI =（业绩 − 费用）÷ 费用。</translation>
    </message>
    <message>
        <source>Save day</source>
        <translation>保存当天</translation>
    </message>
    <message>
        <source>Add order…</source>
        <translation>添加订单…</translation>
    </message>
    <message>
        <source>Pace</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>New customers</source>
        <translation>新客户</translation>
    </message>
    <message>
        <source>{completion} of target · {change} vs last month</source>
        <translation>完成目标 {completion} · 较上月 {change}</translation>
    </message>
    <message>
        <source>no target · {change} vs last month</source>
        <translation>未设目标 · 较上月 {change}</translation>
    </message>
    <message>
        <source>{change} vs last month</source>
        <translation>较上月 {change}</translation>
    </message>
    <message>
        <source>expected by today: {amount}</source>
        <translation>截至今天应完成：{amount}</translation>
    </message>
    <message>
        <source>Set the month&apos;s revenue target on the Targets tab.</source>
        <translation>请在“目标”页设定本月业绩目标。</translation>
    </message>
    <message>
        <source>The day already has more recorded elsewhere (imported or linked to a customer); change those records instead.</source>
        <translation>这一天在别处（导入的或关联客户的记录）已记录了更多；请修改那些记录。</translation>
    </message>
    <message>
        <source>Add an order</source>
        <translation>添加订单</translation>
    </message>
    <message>
        <source>Choose a customer from the list.</source>
        <translation>请从列表中选择客户。</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>趋势</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>按日</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>按周</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>按月</translation>
    </message>
    <message>
        <source>Revenue against the target pace</source>
        <translation>业绩与目标进度</translation>
    </message>
    <message>
        <source>Channel ROI this month</source>
        <translation>本月渠道 ROI</translation>
    </message>
    <message>
        <source>Customer Pareto: cumulative share of 12-month revenue</source>
        <translation>客户帕累托：近12个月业绩累计占比</translation>
    </message>
    <message>
        <source>Close rate well below its recent level in {weeks}: check the pitch or the product.</source>
        <translation>{weeks} 成交率明显低于近期水平：请排查话术或产品问题。</translation>
    </message>
    <message>
        <source>Floor pace</source>
        <translation>保底进度线</translation>
    </message>
    <message>
        <source>Target pace</source>
        <translation>目标进度</translation>
    </message>
    <message>
        <source>Stretch pace</source>
        <translation>冲刺进度线</translation>
    </message>
    <message>
        <source>{channel}: leads {leads} → won {won} ({conversion}) · deals {deals}, revenue {revenue} · ROI {roi}</source>
        <translation>{channel}：线索 {leads} → 赢单 {won}（{conversion}）· 成交 {deals} 单，业绩 {revenue} · ROI {roi}</translation>
    </message>
    <message>
        <source>the rest</source>
        <translation>其余</translation>
    </message>
    <message>
        <source>the other {count} customers</source>
        <translation>其余 {count} 位客户</translation>
    </message>
    <message>
        <source>{name}: {revenue} ({share}; cumulative {cumulative})</source>
        <translation>{name}：{revenue}（{share}；累计 {cumulative}）</translation>
    </message>
    <message>
        <source>% of revenue</source>
        <translation>占销售额 %</translation>
    </message>
    <message>
        <source>No orders in the last 12 months.</source>
        <translation>近 12 个月没有订单。</translation>
    </message>
    <message>
        <source>Top {named} of {customers} customers: {named_share} of the revenue · the top 20% ({fifth} customers): {fifth_share}</source>
        <translation>{customers} 位客户中前 {named} 位：占销售额 {named_share} · 前 20%（{fifth} 位客户）：{fifth_share}</translation>
    </message>
    <message>
        <source>customers, largest first</source>
        <translation>客户（按业绩从高到低）</translation>
    </message>
    <message>
        <source>{month} through {date}</source>
        <translation>{month}（截至 {date}）</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <source>Find duplicates</source>
        <translation>查找重复记录</translation>
    </message>
    <message>
        <source>Records whose names are the same once spaces, full-width letters and case are set aside. Merging keeps the older one: the other&apos;s orders, activities, tasks, touchpoints and tags move to it and its blank fields are filled in. Edit → Undo takes a merge back.</source>
        <translation>忽略空格、全角字母和大小写后名称相同的记录。合并时保留较早的一条：另一条的订单、活动、任务、触点和标签都转到它名下，它的空白字段由另一条补全。可用“编辑 → 撤销”撤回合并。</translation>
    </message>
    <message>
        <source>What</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Merged into it</source>
        <translation>并入的记录</translation>
    </message>
    <message>
        <source>Orders or activities (kept)</source>
        <translation>订单或活动数（保留）</translation>
    </message>
    <message>
        <source>Orders or activities (merged)</source>
        <translation>订单或活动数（并入）</translation>
    </message>
    <message>
        <source>No duplicates: every name is different.</source>
        <translation>没有重复：所有名称都不相同。</translation>
    </message>
    <message>
        <source>Merge this pair</source>
        <translation>合并这一对</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>线索</translation>
    </message>
    <message>
        <source>Merge {merged} into {kept}</source>
        <translation>将 {merged} 并入 {kept}</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Something went wrong: {error}

The details are in {log}.</source>
        <translation>出错了：{error}

详细信息在 {log}。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>What to export</source>
        <translation>导出内容</translation>
    </message>
    <message>
        <source>CSV (UTF-8, opens in Excel)</source>
        <translation>CSV（UTF-8，可用 Excel 打开）</translation>
    </message>
    <message>
        <source>Excel workbook (.xlsx)</source>
        <translation>Excel 工作簿（.xlsx）</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Exporting… {count} rows</source>
        <translation>正在导出… {count} 行</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>What to import</source>
        <translation>导入内容</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>未选择文件</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Columns of the file and the fields they fill:</source>
        <translation>文件中的列及其对应字段：</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <source>Imported as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <source>Choose a file to import</source>
        <translation>选择要导入的文件</translation>
    </message>
    <message>
        <source>Spreadsheets and contacts (*.csv *.xlsx *.txt *.vcf);;Contacts (vCard) (*.vcf);;All files (*)</source>
        <translation>表格和联系人文件 (*.csv *.xlsx *.txt *.vcf);;联系人 (vCard) (*.vcf);;所有文件 (*)</translation>
    </message>
    <message>
        <source>(ignore this column)</source>
        <translation>（忽略此列）</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Effect</source>
        <translation>效果</translation>
    </message>
    <message>
        <source>Preview of the first {count} rows: {bad} with problems (marked).</source>
        <translation>预览前 {count} 行：{bad} 行有问题（已标出）。</translation>
    </message>
    <message>
        <source>Of these rows, {adds} add new records and {updates} update existing ones.</source>
        <translation>这些行中，{adds} 行新增记录，{updates} 行更新已有记录。</translation>
    </message>
    <message>
        <source>Fields that change: {fields}</source>
        <translation>将变更的字段：{fields}</translation>
    </message>
    <message>
        <source>Ignored columns: {columns}</source>
        <translation>已忽略的列：{columns}</translation>
    </message>
    <message>
        <source>Required fields without a column: {fields}</source>
        <translation>缺少必填字段的列：{fields}</translation>
    </message>
    <message>
        <source>one more contact of its company</source>
        <translation>作为其公司的又一位联系人</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>no change</source>
        <translation>无变化</translation>
    </message>
    <message>
        <source>updates {fields}</source>
        <translation>更新 {fields}</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was written.</source>
        <translation>已取消导入，未写入任何数据。</translation>
    </message>
    <message>
        <source>Imported {imported} rows, rejected {rejected}.</source>
        <translation>已导入 {imported} 行，拒绝 {rejected} 行。</translation>
    </message>
</context>
<context>
    <name>ImportHistoryDialog</name>
    <message>
        <source>Import history</source>
        <translation>导入记录</translation>
    </message>
    <message>
        <source>Imported at</source>
        <translation>导入时间</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Undo this import</source>
        <translation>撤销这次导入</translation>
    </message>
    <message>
        <source>undone</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>Undo import</source>
        <translation>撤销导入</translation>
    </message>
    <message>
        <source>Undo the import of {file} ({rows} rows)? Rows it added are removed and rows it changed are put back.</source>
        <translation>撤销 {file} 的导入（{rows} 行）吗？导入新增的行将被删除，修改过的行将恢复原样。</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Important &amp; urgent</source>
        <translation>重要紧急</translation>
    </message>
    <message>
        <source>Important &amp; not urgent</source>
        <translation>重要不紧急</translation>
    </message>
    <message>
        <source>Urgent &amp; not important</source>
        <translation>紧急不重要</translation>
    </message>
    <message>
        <source>Neither</source>
        <translation>不重要不紧急</translation>
    </message>
    <message>
        <source>First-order callback</source>
        <translation>首单回访</translation>
    </message>
    <message>
        <source>Quarterly callback</source>
        <translation>季度回访</translation>
    </message>
    <message>
        <source>Annual review</source>
        <translation>年度复盘</translation>
    </message>
    <message>
        <source>Renewal demo</source>
        <translation>续约增值演示</translation>
    </message>
    <message>
        <source>Birthday greeting</source>
        <translation>生日祝福</translation>
    </message>
    <message>
        <source>Company anniversary</source>
        <translation>企业周年</translation>
    </message>
    <message>
        <source>Holiday greeting</source>
        <translation>节日问候</translation>
    </message>
    <message>
        <source>Send content</source>
        <translation>发送增值内容</translation>
    </message>
    <message>
        <source>Win-back</source>
        <translation>流失挽回</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新客期</translation>
    </message>
    <message>
        <source>Growth</source>
        <translation>成长期</translation>
    </message>
    <message>
        <source>Mature</source>
        <translation>成熟期</translation>
    </message>
    <message>
        <source>Declining</source>
        <translation>衰退期</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>待办</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Snoozed</source>
        <translation>已推迟</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>Decision maker</source>
        <translation>决策者</translation>
    </message>
    <message>
        <source>Influencer</source>
        <translation>影响者</translation>
    </message>
    <message>
        <source>User</source>
        <translation>使用者</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>跟进中</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>输单</translation>
    </message>
    <message>
        <source>open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>已放弃</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>线索</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Daily activity</source>
        <translation>每日活动</translation>
    </message>
    <message>
        <source>Channel costs</source>
        <translation>渠道费用</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Plan lines</source>
        <translation>计划明细</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>on pace</source>
        <translation>进度正常</translation>
    </message>
    <message>
        <source>slightly behind</source>
        <translation>略微落后</translation>
    </message>
    <message>
        <source>behind</source>
        <translation>落后</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>no target</source>
        <translation>未设目标</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Do</source>
        <translation>执行</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Act</source>
        <translation>处理</translation>
    </message>
    <message>
        <source>W{week}</source>
        <translation>第{week}周</translation>
    </message>
    <message>
        <source>&lt; ¥10k</source>
        <translation>&lt; 1万</translation>
    </message>
    <message>
        <source>¥10k–50k</source>
        <translation>1–5万</translation>
    </message>
    <message>
        <source>¥50k–200k</source>
        <translation>5–20万</translation>
    </message>
    <message>
        <source>≥ ¥200k</source>
        <translation>≥ 20万</translation>
    </message>
</context>
<context>
    <name>LeadsTab</name>
    <message>
        <source>Search name, contact, phone or industry (Ctrl+F)</source>
        <translation>搜索名称、联系人、电话或行业（Ctrl+F）</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>全部分级</translation>
    </message>
    <message>
        <source>Any outcome</source>
        <translation>全部结果</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>只看逾期</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>全部阶段</translation>
    </message>
    <message>
        <source>Any lifecycle stage</source>
        <translation>全部生命周期阶段</translation>
    </message>
    <message>
        <source>New lead…</source>
        <translation>新建线索…</translation>
    </message>
    <message>
        <source>Delete lead</source>
        <translation>删除线索</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>线索</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>分级</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <source>Expected amount</source>
        <translation>预计金额</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>最近跟进</translation>
    </message>
    <message>
        <source>Follow up by</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>客户类型</translation>
    </message>
    <message>
        <source>Lifecycle stage</source>
        <translation>生命周期阶段</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>线索</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Channels &amp;&amp; persona</source>
        <translation>渠道与客户画像</translation>
    </message>
    <message>
        <source>Select a lead</source>
        <translation>请选择一条线索</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Annual revenue</source>
        <translation>年营收</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>The three discovery questions</source>
        <translation>需求挖掘的黄金三问</translation>
    </message>
    <message>
        <source>How efficient is this part of your work today?</source>
        <translation>您目前这个环节的效率如何？</translation>
    </message>
    <message>
        <source>What hidden costs does the problem bring?</source>
        <translation>这个问题带来了哪些隐性成本？</translation>
    </message>
    <message>
        <source>What have you tried, and how did it work?</source>
        <translation>您尝试过哪些解决方案，效果如何？</translation>
    </message>
    <message>
        <source>Closing signals</source>
        <translation>成交信号</translation>
    </message>
    <message>
        <source>Asks about after-sales</source>
        <translation>询问售后</translation>
    </message>
    <message>
        <source>Asks about contract details</source>
        <translation>询问合同细节</translation>
    </message>
    <message>
        <source>Compares with competitors</source>
        <translation>对比竞品</translation>
    </message>
    <message>
        <source>Objections</source>
        <translation>异议记录</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Follow-up done today</source>
        <translation>今天已跟进</translation>
    </message>
    <message>
        <source>Objection…</source>
        <translation>异议…</translation>
    </message>
    <message>
        <source>Contacts…</source>
        <translation>联系人…</translation>
    </message>
    <message>
        <source>Won…</source>
        <translation>赢单…</translation>
    </message>
    <message>
        <source>Lost…</source>
        <translation>输单…</translation>
    </message>
    <message>
        <source>New customer…</source>
        <translation>新建客户…</translation>
    </message>
    <message>
        <source>Edit customer…</source>
        <translation>编辑客户…</translation>
    </message>
    <message>
        <source>Delete customer</source>
        <translation>删除客户</translation>
    </message>
    <message>
        <source>Channels this month</source>
        <translation>本月渠道</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>Conversion</source>
        <translation>转化率</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>成交单数</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>业绩</translation>
    </message>
    <message>
        <source>Cost per deal</source>
        <translation>单笔成交成本</translation>
    </message>
    <message>
        <source>ROI</source>
        <translation>ROI</translation>
    </message>
    <message>
        <source>The channel as the rep named it</source>
        <translation>销售自己命名的渠道</translation>
    </message>
    <message>
        <source>What the channel cost this month</source>
        <translation>该渠道本月的费用</translation>
    </message>
    <message>
        <source>Leads from the channel created this month, through the day shown</source>
        <translation>该渠道本月（截至所示日期）新建的线索</translation>
    </message>
    <message>
        <source>Those of these leads won by the day shown</source>
        <translation>这些线索中截至所示日期已赢单的</translation>
    </message>
    <message>
        <source>Won ÷ leads, of the leads the channel brought this month</source>
        <translation>赢单 ÷ 线索（该渠道本月带来的线索）</translation>
    </message>
    <message>
        <source>Orders this month, through the day shown, of the channel&apos;s customers — old and new, not only the leads above</source>
        <translation>该渠道客户（新老客户，不只是上面的线索）本月截至所示日期的订单</translation>
    </message>
    <message>
        <source>The amount of those orders</source>
        <translation>这些订单的金额</translation>
    </message>
    <message>
        <source>Cost ÷ deals</source>
        <translation>费用 ÷ 成交单数</translation>
    </message>
    <message>
        <source>(Revenue − cost) ÷ cost</source>
        <translation>（业绩 − 费用）÷ 费用</translation>
    </message>
    <message>
        <source>Referral rewards owed</source>
        <translation>待付转介绍奖励</translation>
    </message>
    <message>
        <source>Referrer</source>
        <translation>推荐人</translation>
    </message>
    <message>
        <source>For</source>
        <translation>被推荐客户</translation>
    </message>
    <message>
        <source>Owed since</source>
        <translation>应付日期</translation>
    </message>
    <message>
        <source>Reward</source>
        <translation>奖励</translation>
    </message>
    <message>
        <source>Mark paid</source>
        <translation>标记已支付</translation>
    </message>
    <message>
        <source>Win rate by persona (won ÷ closed)</source>
        <translation>客户画像赢单率（赢单 ÷ 已结束）</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>维度</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>取值</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>Win rate</source>
        <translation>赢单率</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>全部渠道</translation>
    </message>
    <message>
        <source>{count} leads · {overdue} overdue</source>
        <translation>{count} 条线索 · {overdue} 逾期</translation>
    </message>
    <message>
        <source>Picking up sesame, dropping the watermelon: small leads were worked this week while {count} big leads are overdue ({names}).</source>
        <translation>捡了芝麻丢西瓜：本周在跟进小单，而 {count} 条大单线索已逾期（{names}）。</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>规模</translation>
    </message>
    <message>
        <source>Persona builder</source>
        <translation>客户画像组合</translation>
    </message>
    <message>
        <source>Persona conditions</source>
        <translation>画像条件</translation>
    </message>
    <message>
        <source>Terms separated by ; — industry=…, size=…, channel=…, tag=…, annual_revenue&gt;=… or &lt;=…, budget&gt;=… or &lt;=…, expected_amount&gt;=… or &lt;=… (amounts as 5000万, 300万 or 80000)</source>
        <translation>条件之间用 ; 分隔：industry=…（行业）、size=…（规模）、channel=…（渠道）、tag=…（标签）、annual_revenue&gt;=… 或 &lt;=…（年营收）、budget&gt;=… 或 &lt;=…（预算）、expected_amount&gt;=… 或 &lt;=…（预计金额）；金额可写 5000万、300万 或 80000</translation>
    </message>
    <message>
        <source>Check persona</source>
        <translation>计算画像</translation>
    </message>
    <message>
        <source>Combinations that closed best (at least 5 closed leads)</source>
        <translation>成交率最高的条件组合（至少 5 条已结案线索）</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>Use this combination</source>
        <translation>使用此组合</translation>
    </message>
    <message>
        <source>Name, e.g. 数字化大客户</source>
        <translation>名称，例如 数字化大客户</translation>
    </message>
    <message>
        <source>Persona name</source>
        <translation>画像名称</translation>
    </message>
    <message>
        <source>Save persona</source>
        <translation>保存画像</translation>
    </message>
    <message>
        <source>Remove persona</source>
        <translation>删除画像</translation>
    </message>
    <message>
        <source>Matches the saved persona {names}</source>
        <translation>符合已保存的画像 {names}</translation>
    </message>
    <message>
        <source>{hours} service hours</source>
        <translation>{hours} 小时服务</translation>
    </message>
    <message>
        <source>not enough data</source>
        <translation>数据不足</translation>
    </message>
    <message>
        <source>{contact} {phone} · {outcome} · follow up by {due}</source>
        <translation>{contact} {phone} · {outcome} · 下次跟进 {due}</translation>
    </message>
    <message>
        <source>{contact} {phone} · {outcome} on {closed}</source>
        <translation>{contact} {phone} · {closed} {outcome}</translation>
    </message>
    <message>
        <source>Write conditions, or use a combination below, then Check persona.</source>
        <translation>填写条件，或使用下方的组合，然后点“计算画像”。</translation>
    </message>
    <message>
        <source>not enough data (under 5 closed)</source>
        <translation>数据不足（已结案少于 5 条）</translation>
    </message>
    <message>
        <source>Closed {closed} · won {won} · win rate {rate} (all leads: {all_rate}, {all_won} of {all_closed}).
Open leads of this persona: {open} {names}</source>
        <translation>已结案 {closed} · 赢单 {won} · 赢单率 {rate}（全部线索：{all_rate}，{all_closed} 条中赢 {all_won} 条）。
符合此画像的跟进中线索：{open} 条 {names}</translation>
    </message>
    <message>
        <source>Contacts of {name}</source>
        <translation>{name} 的联系人</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>输单</translation>
    </message>
    <message>
        <source>Why was it lost?</source>
        <translation>输单原因？</translation>
    </message>
    <message>
        <source>New lead</source>
        <translation>新建线索</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>Edit customer</source>
        <translation>编辑客户</translation>
    </message>
    <message>
        <source>Delete {name}? Its {count} orders ({amount}) and touchpoint marks go with it and leave your figures; Edit → Undo brings them back.</source>
        <translation>删除 {name}？它的 {count} 笔订单（{amount}）和触点标记将一并删除，并从你的数据中移除；可用“编辑 → 撤销”恢复。</translation>
    </message>
</context>
<context>
    <name>LifecycleTab</name>
    <message>
        <source>All touchpoints</source>
        <translation>全部触点</translation>
    </message>
    <message>
        <source>Rules…</source>
        <translation>规则…</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Touchpoint</source>
        <translation>触点</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Snooze…</source>
        <translation>推迟…</translation>
    </message>
    <message>
        <source>Skip…</source>
        <translation>跳过…</translation>
    </message>
    <message>
        <source>Stage…</source>
        <translation>阶段…</translation>
    </message>
    <message>
        <source>Content rhythm…</source>
        <translation>内容推送…</translation>
    </message>
    <message>
        <source>Churn warnings</source>
        <translation>流失预警</translation>
    </message>
    <message>
        <source>+{count} more</source>
        <translation>还有 {count} 项</translation>
    </message>
    <message>
        <source>orders down 2 months in a row</source>
        <translation>订单量连续2个月下降</translation>
    </message>
    <message>
        <source>contact person left</source>
        <translation>对接人离职</translation>
    </message>
    <message>
        <source>No customer shows a churn signal.</source>
        <translation>没有客户出现流失信号。</translation>
    </message>
    <message>
        <source>Agenda {start} – {end}</source>
        <translation>日程 {start} – {end}</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Why skip it?</source>
        <translation>跳过的原因？</translation>
    </message>
    <message>
        <source>(by the rules)</source>
        <translation>（按规则）</translation>
    </message>
    <message>
        <source>Lifecycle stage</source>
        <translation>生命周期阶段</translation>
    </message>
    <message>
        <source>Value-added content</source>
        <translation>增值内容</translation>
    </message>
    <message>
        <source>Send {customer} content every … days (0: never)</source>
        <translation>每隔几天给 {customer} 发送增值内容（0：不发送）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Taking the daily backup…</source>
        <translation>正在进行每日备份…</translation>
    </message>
    <message>
        <source>Daily backup taken.</source>
        <translation>每日备份已完成。</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <source>Welcome to RepDesk</source>
        <translation>欢迎使用销售工作台</translation>
    </message>
    <message>
        <source>This database is empty. Load a demo month to look around, or start with your own data?</source>
        <translation>数据库还是空的。要载入一个月的演示数据看看，还是直接从您自己的数据开始？</translation>
    </message>
    <message>
        <source>Load demo data</source>
        <translation>载入演示数据</translation>
    </message>
    <message>
        <source>Start clean</source>
        <translation>从空白开始</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <source>RepDesk Sales Workbench</source>
        <translation>RepDesk 销售工作台</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Leads &amp;&amp; customers</source>
        <translation>线索/客户</translation>
    </message>
    <message>
        <source>Lifecycle calendar</source>
        <translation>客户生命周期</translation>
    </message>
    <message>
        <source>Four quadrants</source>
        <translation>四象限</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>销售仪表盘</translation>
    </message>
    <message>
        <source>Monthly review</source>
        <translation>月度复盘</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>Import &amp;history…</source>
        <translation>导入记录(&amp;H)…</translation>
    </message>
    <message>
        <source>Find &amp;duplicates…</source>
        <translation>查找重复记录(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Export &amp;calendar…</source>
        <translation>导出日历(&amp;C)…</translation>
    </message>
    <message>
        <source>Back&amp;ups…</source>
        <translation>备份列表(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;Backup now…</source>
        <translation>立即备份(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Print monthly review…</source>
        <translation>打印月度复盘(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>偏好设置(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Reminders and calendar…</source>
        <translation>提醒与日历(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About RepDesk</source>
        <translation>关于销售工作台(&amp;A)</translation>
    </message>
    <message>
        <source>Today ({count})</source>
        <translation>今日 ({count})</translation>
    </message>
    <message>
        <source>Database: {path}    As of {date} ({month})</source>
        <translation>数据库：{path}    日期 {date}（{month}）</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>偏好设置</translation>
    </message>
    <message>
        <source>Exported {count} rows to {path}</source>
        <translation>已导出 {count} 行到 {path}</translation>
    </message>
    <message>
        <source>Open or create a database</source>
        <translation>打开或新建数据库</translation>
    </message>
    <message>
        <source>RepDesk database (*.sqlite3)</source>
        <translation>销售工作台数据库 (*.sqlite3)</translation>
    </message>
    <message>
        <source>Back up the database</source>
        <translation>备份数据库</translation>
    </message>
    <message>
        <source>Backup (*.sqlite3)</source>
        <translation>备份 (*.sqlite3)</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Backup written: {path}</source>
        <translation>备份已写入：{path}</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Replace the data in this database with the backup {name}? The current state is backed up first.</source>
        <translation>用备份 {name} 替换此数据库中的数据吗？恢复前会先备份当前数据。</translation>
    </message>
    <message>
        <source>Restored from {name}.</source>
        <translation>已从 {name} 恢复。</translation>
    </message>
    <message>
        <source>The previous state was kept in {path}</source>
        <translation>恢复前的数据已保存在 {path}</translation>
    </message>
    <message>
        <source>About RepDesk</source>
        <translation>关于销售工作台</translation>
    </message>
    <message>
        <source>RepDesk Sales Workbench {version}

Targets, leads, customers and a daily plan for a front-line sales representative. Your data stays in {path}.</source>
        <translation>RepDesk 销售工作台 {version}

为一线销售代表管理目标、线索、客户和每日计划。您的数据保存在 {path}。</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>There is no sound backup of {path}; the damaged file was kept as {aside}.</source>
        <translation>{path} 没有完好的备份；已损坏的文件保存为 {aside}。</translation>
    </message>
    <message>
        <source>{path} does not exist.</source>
        <translation>{path} 不存在。</translation>
    </message>
    <message>
        <source>The backup failed its integrity check: {problem}</source>
        <translation>备份未通过完整性检查：{problem}</translation>
    </message>
    <message>
        <source>The second backup folder {folder} is not available (a drive not plugged in?); the backup stays on this computer only.</source>
        <translation>第二备份文件夹 {folder} 不可用（U 盘未插入？）；本次备份只保存在这台电脑上。</translation>
    </message>
    <message>
        <source>{path} is not a RepDesk backup this version can restore.</source>
        <translation>{path} 不是此版本能恢复的销售工作台备份。</translation>
    </message>
    <message>
        <source>{path} is damaged and was not restored: {problem}</source>
        <translation>{path} 已损坏，未恢复：{problem}</translation>
    </message>
    <message>
        <source>Usage error: {reason} (see --help)</source>
        <translation>用法错误：{reason}（参见 --help）</translation>
    </message>
    <message>
        <source>{value} is not a date (YYYY-MM-DD)</source>
        <translation>{value} 不是日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>{value} is not a month (YYYY-MM)</source>
        <translation>{value} 不是月份（YYYY-MM）</translation>
    </message>
    <message>
        <source>{value} is not a number of days (0 to 3660)</source>
        <translation>{value} 不是天数（0 到 3660）</translation>
    </message>
    <message>
        <source>Demo loaded: {customers} customers, {leads} leads, {orders} orders, {tasks} tasks.</source>
        <translation>演示数据已载入：{customers} 个客户、{leads} 条线索、{orders} 笔订单、{tasks} 项任务。</translation>
    </message>
    <message>
        <source>{path} is the file being imported; choose another file name.</source>
        <translation>{path} 是正在导入的文件；请换一个文件名。</translation>
    </message>
    <message>
        <source>--as goes with import contacts FILE.vcf only.</source>
        <translation>--as 只能用于 import contacts FILE.vcf。</translation>
    </message>
    <message>
        <source>Ignored columns: {columns}</source>
        <translation>已忽略的列：{columns}</translation>
    </message>
    <message>
        <source>Dry run: {imported} rows would be imported, {rejected} rejected; nothing was written.</source>
        <translation>试运行：将导入 {imported} 行，拒绝 {rejected} 行；未写入任何数据。</translation>
    </message>
    <message>
        <source>Imported {imported} rows, rejected {rejected} (import {batch}).</source>
        <translation>已导入 {imported} 行，拒绝 {rejected} 行（导入批次 {batch}）。</translation>
    </message>
    <message>
        <source>Exported {count} rows to {path}.</source>
        <translation>已导出 {count} 行到 {path}。</translation>
    </message>
    <message>
        <source>undone</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>Import {batch} undone ({rows} rows).</source>
        <translation>导入批次 {batch} 已撤销（{rows} 行）。</translation>
    </message>
    <message>
        <source>Report written: {path}</source>
        <translation>报告已写入：{path}</translation>
    </message>
    <message>
        <source>Backup written: {path}</source>
        <translation>备份已写入：{path}</translation>
    </message>
    <message>
        <source>The damaged database was kept as {path}</source>
        <translation>已损坏的数据库保存为 {path}</translation>
    </message>
    <message>
        <source>Restored {source} into {path}.</source>
        <translation>已将 {source} 恢复到 {path}。</translation>
    </message>
    <message>
        <source>The previous state was kept in {path}</source>
        <translation>恢复前的数据已保存在 {path}</translation>
    </message>
    <message>
        <source>{path} is damaged ({count} problems found).</source>
        <translation>{path} 已损坏（发现 {count} 个问题）。</translation>
    </message>
    <message>
        <source>{path} is sound.</source>
        <translation>{path} 完好。</translation>
    </message>
    <message>
        <source>Password for {server}: </source>
        <translation>{server} 的密码：</translation>
    </message>
    <message>
        <source>No team server: give --server URL or set REPDESK_TEAM_SERVER.</source>
        <translation>没有团队服务器：请用 --server URL 指定，或设置 REPDESK_TEAM_SERVER。</translation>
    </message>
    <message>
        <source>Pushed to {server} as {rep}: {inserted} new, {updated} changed, {deleted} deleted, {unchanged} unchanged.</source>
        <translation>已以 {rep} 的身份推送到 {server}：新增 {inserted} 条，修改 {updated} 条，删除 {deleted} 条，未变 {unchanged} 条。</translation>
    </message>
    <message>
        <source>Calendar written: {path} ({count} events).</source>
        <translation>日历已写入：{path}（{count} 个事件）。</translation>
    </message>
    <message>
        <source>unexpected error: {reason} (details in {log})</source>
        <translation>意外错误：{reason}（详情见 {log}）</translation>
    </message>
    <message>
        <source>the file is empty (0 bytes)</source>
        <translation>文件为空（0 字节）</translation>
    </message>
    <message>
        <source>the file does not start as a SQLite database</source>
        <translation>文件开头不是 SQLite 数据库</translation>
    </message>
    <message>
        <source>opened as SQLite would, it holds no RepDesk data</source>
        <translation>按 SQLite 的方式打开后，其中没有销售工作台数据</translation>
    </message>
    <message>
        <source>{path} is not a RepDesk database.</source>
        <translation>{path} 不是销售工作台数据库。</translation>
    </message>
    <message>
        <source>The disk holding {path} is full; nothing was changed.</source>
        <translation>{path} 所在的磁盘已满；未做任何更改。</translation>
    </message>
    <message>
        <source>{path} is read-only or its folder is not writable; nothing was changed.</source>
        <translation>{path} 是只读的，或其所在文件夹不可写；未做任何更改。</translation>
    </message>
    <message>
        <source>{path} is in use by another program; close it and try again.</source>
        <translation>{path} 正被另一个程序使用；请关闭该程序后重试。</translation>
    </message>
    <message>
        <source>Cannot read or write {path}: {reason}</source>
        <translation>无法读写 {path}：{reason}</translation>
    </message>
    <message>
        <source>{path} is damaged ({problem}). Nothing was changed; &apos;repdesk check&apos; tells more, &apos;repdesk restore&apos; puts a backup back.</source>
        <translation>{path} 已损坏（{problem}）。未做任何更改；“repdesk check”可查看详情，“repdesk restore”可恢复备份。</translation>
    </message>
    <message>
        <source>{path} was written by a newer RepDesk (schema {found}, this version knows {known}); update RepDesk to open it.</source>
        <translation>{path} 由更新版本的销售工作台写入（结构版本 {found}，本版本支持 {known}）；请升级销售工作台后再打开。</translation>
    </message>
    <message>
        <source>--months must be at least 1.</source>
        <translation>--months 至少为 1。</translation>
    </message>
    <message>
        <source>The database already has data; the demo only fills an empty database.</source>
        <translation>数据库中已有数据；演示数据只能载入空数据库。</translation>
    </message>
    <message>
        <source>{path} is open in another RepDesk window or command; close it and try again.</source>
        <translation>{path} 已在另一个销售工作台窗口或命令中打开；请关闭后重试。</translation>
    </message>
    <message>
        <source>required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>not a date</source>
        <translation>不是日期</translation>
    </message>
    <message>
        <source>not a number</source>
        <translation>不是数字</translation>
    </message>
    <message>
        <source>must not be negative</source>
        <translation>不能为负数</translation>
    </message>
    <message>
        <source>more than two decimals</source>
        <translation>小数超过两位</translation>
    </message>
    <message>
        <source>not a whole number</source>
        <translation>不是整数</translation>
    </message>
    <message>
        <source>not yes or no</source>
        <translation>不是“是”或“否”</translation>
    </message>
    <message>
        <source>not a month (YYYY-MM)</source>
        <translation>不是月份（YYYY-MM）</translation>
    </message>
    <message>
        <source>not a rate between 0 and 1 (or 0% and 100%)</source>
        <translation>不是 0 到 1（或 0% 到 100%）之间的比率</translation>
    </message>
    <message>
        <source>must be greater than zero</source>
        <translation>必须大于零</translation>
    </message>
    <message>
        <source>unknown value {value}; use one of {choices}</source>
        <translation>无法识别“{value}”，请使用：{choices}</translation>
    </message>
    <message>
        <source>no customer of this name</source>
        <translation>没有此名称的客户</translation>
    </message>
    <message>
        <source>no lead of this name</source>
        <translation>没有此名称的线索</translation>
    </message>
    <message>
        <source>several customers have this name (File → Find duplicates… merges them)</source>
        <translation>有多个客户使用此名称（“文件 → 查找重复记录…”可将其合并）</translation>
    </message>
    <message>
        <source>several leads have this name (File → Find duplicates… merges them)</source>
        <translation>有多条线索使用此名称（“文件 → 查找重复记录…”可将其合并）</translation>
    </message>
    <message>
        <source>ambiguous comma (not a thousands separator); write 12.50 or 1250</source>
        <translation>逗号有歧义（不是千位分隔符）；请写成 12.50 或 1250</translation>
    </message>
    <message>
        <source>more than ¥1,000,000,000</source>
        <translation>超过 ¥1,000,000,000</translation>
    </message>
    <message>
        <source>more than 1,000,000,000</source>
        <translation>超过 1,000,000,000</translation>
    </message>
    <message>
        <source>not a finite number</source>
        <translation>不是有限的数字</translation>
    </message>
    <message>
        <source>longer than {limit} characters</source>
        <translation>超过 {limit} 个字符</translation>
    </message>
    <message>
        <source>formula without a value</source>
        <translation>公式没有计算结果</translation>
    </message>
    <message>
        <source>not a birthday (YYYY-MM-DD or MM-DD)</source>
        <translation>不是生日（YYYY-MM-DD 或 MM-DD）</translation>
    </message>
    <message>
        <source>{path} is not a CSV or XLSX file.</source>
        <translation>{path} 不是 CSV 或 XLSX 文件。</translation>
    </message>
    <message>
        <source>{path} is text in {encoding}, which is not UTF-8, GBK/GB18030, Big5 or Shift-JIS; save it as CSV UTF-8 or XLSX.</source>
        <translation>{path} 是 {encoding} 编码的文本，不是 UTF-8、GBK/GB18030、Big5 或 Shift-JIS；请另存为 CSV UTF-8 或 XLSX。</translation>
    </message>
    <message>
        <source>{path}: line {line} has a cell of more than {limit} characters.</source>
        <translation>{path}：第 {line} 行有一个单元格超过 {limit} 个字符。</translation>
    </message>
    <message>
        <source>{path} is not valid CSV: the cell starting on line {line} has an unbalanced quote.</source>
        <translation>{path} 不是有效的 CSV：从第 {line} 行开始的单元格引号不成对。</translation>
    </message>
    <message>
        <source>{path} is an old Excel .xls file; save it as .xlsx or CSV first.</source>
        <translation>{path} 是旧版 Excel .xls 文件；请先另存为 .xlsx 或 CSV。</translation>
    </message>
    <message>
        <source>{path} is empty.</source>
        <translation>{path} 是空文件。</translation>
    </message>
    <message>
        <source>{path} unpacks to more than {limit} MB; it is refused unread.</source>
        <translation>{path} 解压后超过 {limit} MB，未读取即拒绝。</translation>
    </message>
    <message>
        <source>duplicate of line {line}</source>
        <translation>与第 {line} 行重复</translation>
    </message>
    <message>
        <source>Unknown kind {kind}; use one of {kinds}.</source>
        <translation>未知类型 {kind}；请使用：{kinds}。</translation>
    </message>
    <message>
        <source>{column}: {reason}</source>
        <translation>{column}：{reason}</translation>
    </message>
    <message>
        <source>line {line}: {problems}</source>
        <translation>第 {line} 行：{problems}</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Two columns of the file are both {column}.</source>
        <translation>文件中有两列都对应 {column}。</translation>
    </message>
    <message>
        <source>The file has no column for {columns}.</source>
        <translation>文件中没有 {columns} 列。</translation>
    </message>
    <message>
        <source>line</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Export to a .csv or .xlsx file, not {path}.</source>
        <translation>请导出为 .csv 或 .xlsx 文件，而不是 {path}。</translation>
    </message>
    <message>
        <source>{record}: {column} has more than {limit} characters, more than a spreadsheet cell holds; export to CSV instead.</source>
        <translation>{record}：{column} 超过 {limit} 个字符，超出电子表格单元格的容量；请改为导出 CSV。</translation>
    </message>
    <message>
        <source>{task} · {name}</source>
        <translation>{task} · {name}</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message>
        <source>{path} is the database, a file beside it or one of its backups; choose another file name.</source>
        <translation>{path} 是数据库本身、其旁边的文件或它的某个备份；请换一个文件名。</translation>
    </message>
    <message>
        <source>{path} is not a file; choose a file name.</source>
        <translation>{path} 不是文件；请选择一个文件名。</translation>
    </message>
    <message>
        <source>There is no import {batch} to undo.</source>
        <translation>没有可撤销的导入批次 {batch}。</translation>
    </message>
    <message>
        <source>Import {batch} cannot be undone: records added since depend on it (e.g. orders for its customers). Undo those first.</source>
        <translation>导入批次 {batch} 无法撤销：之后添加的记录依赖于它（例如其客户的订单）。请先撤销那些导入。</translation>
    </message>
    <message>
        <source>Win back {customer}: exclusive offer</source>
        <translation>挽回 {customer}：专属优惠</translation>
    </message>
    <message>
        <source>Win back {customer}: executive visit</source>
        <translation>挽回 {customer}：高层拜访</translation>
    </message>
    <message>
        <source>Win back {customer}: tailored improvement plan</source>
        <translation>挽回 {customer}：定制化改进方案</translation>
    </message>
    <message>
        <source>Follow up {lead} (tier {tier})</source>
        <translation>跟进 {lead}（{tier} 类）</translation>
    </message>
    <message>
        <source>Follow up {count} tier-{tier} leads</source>
        <translation>跟进 {count} 条 {tier} 类线索</translation>
    </message>
    <message>
        <source>{touchpoint}: {customer}</source>
        <translation>{touchpoint}：{customer}</translation>
    </message>
    <message>
        <source>Today&apos;s plan: {count} × {product} {customer_type}</source>
        <translation>今日计划：{count} × {product} {customer_type}</translation>
    </message>
    <message>
        <source>Conversion problem: visits are on pace but the close rate is below 80% of the last 3 months. Is it discovery (the three questions) or negotiation?</source>
        <translation>转化问题：拜访量达标，但成交率低于近3个月的80%。问题出在需求挖掘（黄金三问）还是谈判？</translation>
    </message>
    <message>
        <source>Activity problem: effective visits are below 90% of pace. Protect the daily visit time first.</source>
        <translation>动作量问题：有效拜访低于进度的90%。先保证每天的拜访时间。</translation>
    </message>
    <message>
        <source>Order size problem: the average order is below 90% of the plan. Lead with the high-ticket lines and the key accounts.</source>
        <translation>客单价问题：客单价低于计划的90%。多推高客单价产品和大客户。</translation>
    </message>
    <message>
        <source>Process on track: visits, close rate and order size hold up.</source>
        <translation>过程正常：拜访量、成交率和客单价都达标。</translation>
    </message>
    <message>
        <source>Closing signals: try an assumptive close — &quot;If the plan works for you, shall our team start tomorrow?&quot;</source>
        <translation>出现成交信号：试试假设成交法——“如果您觉得方案没问题，我们明天就安排技术团队对接，您看可以吗？”</translation>
    </message>
    <message>
        <source>A customer needs a name.</source>
        <translation>客户需要填写名称。</translation>
    </message>
    <message>
        <source>{path} is not a folder.</source>
        <translation>{path} 不是文件夹。</translation>
    </message>
    <message>
        <source>{path} is where the backups already are; choose a folder on another drive.</source>
        <translation>{path} 就是现有备份所在的位置；请选择另一个磁盘上的文件夹。</translation>
    </message>
    <message>
        <source>{name} must be a whole number from {lowest} to {highest}.</source>
        <translation>{name} 须为 {lowest} 到 {highest} 之间的整数。</translation>
    </message>
    <message>
        <source>The first checkpoint must come before the second.</source>
        <translation>第一个检查点须早于第二个。</translation>
    </message>
    <message>
        <source>not a readable contact card</source>
        <translation>不是可读取的联系人名片</translation>
    </message>
    <message>
        <source>There is already a customer named {name}.</source>
        <translation>已有名为 {name} 的客户。</translation>
    </message>
    <message>
        <source>There is already a lead named {name}.</source>
        <translation>已有名为 {name} 的线索。</translation>
    </message>
    <message>
        <source>{server} is not a PostgreSQL URL (postgresql://user@host:port/database).</source>
        <translation>{server} 不是 PostgreSQL 地址（postgresql://用户@主机:端口/数据库）。</translation>
    </message>
    <message>
        <source>{server} is not a valid server URL: {reason}</source>
        <translation>{server} 不是有效的服务器地址：{reason}</translation>
    </message>
    <message>
        <source>Cannot use the team server {server}: {reason}</source>
        <translation>无法使用团队服务器 {server}：{reason}</translation>
    </message>
    <message>
        <source>The team server {server} refused it: {reason}. Nothing was changed.</source>
        <translation>团队服务器 {server} 拒绝了此操作：{reason}。未做任何更改。</translation>
    </message>
    <message>
        <source>No rep name: give --rep NAME or write your name in the review&apos;s profile.</source>
        <translation>没有销售姓名：请用 --rep 姓名 指定，或在复盘的个人资料中填写姓名。</translation>
    </message>
    <message>
        <source>{count} to do today</source>
        <translation>今天有 {count} 项待办</translation>
    </message>
    <message>
        <source>Nothing due today.</source>
        <translation>今天没有到期的事项。</translation>
    </message>
    <message>
        <source>and {count} more</source>
        <translation>另有 {count} 项</translation>
    </message>
    <message>
        <source>Snooze to a day after today.</source>
        <translation>请推迟到今天之后的某一天。</translation>
    </message>
    <message>
        <source>No cases in {month} to print.</source>
        <translation>{month} 没有可打印的案例。</translation>
    </message>
    <message>
        <source>Persona term “{term}”: write field=value (industry, size, channel, tag) or field&gt;=amount / field&lt;=amount (annual_revenue, budget, expected_amount).</source>
        <translation>画像条件“{term}”：请写成 字段=值（industry、size、channel、tag，或 行业、规模、渠道、标签）或 字段&gt;=金额 / 字段&lt;=金额（annual_revenue、budget、expected_amount，或 年营收、预算、预计金额）。</translation>
    </message>
    <message>
        <source>Persona term “{term}”: {reason}.</source>
        <translation>画像条件“{term}”：{reason}。</translation>
    </message>
    <message>
        <source>Persona term “{term}”: the value is missing.</source>
        <translation>画像条件“{term}”：缺少取值。</translation>
    </message>
    <message>
        <source>A saved persona needs a name.</source>
        <translation>保存画像需要一个名称。</translation>
    </message>
    <message>
        <source>the floor is above the revenue target</source>
        <translation>保底目标高于业绩目标</translation>
    </message>
    <message>
        <source>the stretch is below the revenue target</source>
        <translation>冲刺目标低于业绩目标</translation>
    </message>
</context>
<context>
    <name>MonthBar</name>
    <message>
        <source>Previous month</source>
        <translation>上个月</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>下个月</translation>
    </message>
</context>
<context>
    <name>NewLeadDialog</name>
    <message>
        <source>New lead</source>
        <translation>新建线索</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>线索</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>分级</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <source>Expected amount</source>
        <translation>预计金额</translation>
    </message>
</context>
<context>
    <name>ObjectionDialog</name>
    <message>
        <source>Objection</source>
        <translation>异议</translation>
    </message>
    <message>
        <source>I understand; many customers worried about that at first</source>
        <translation>我理解您的顾虑，很多客户一开始也有类似担心</translation>
    </message>
    <message>
        <source>Is it the price, or the result?</source>
        <translation>您担心的是价格，还是效果？</translation>
    </message>
    <message>
        <source>A case: another company cut costs 18% in 3 months</source>
        <translation>案例：某公司用了我们的方案，3个月内成本降低了18%</translation>
    </message>
    <message>
        <source>Empathise</source>
        <translation>共情</translation>
    </message>
    <message>
        <source>Decompose</source>
        <translation>拆解</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>验证</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>Move task</source>
        <translation>移动任务</translation>
    </message>
    <message>
        <source>Reorder task</source>
        <translation>调整任务顺序</translation>
    </message>
    <message>
        <source>Add task</source>
        <translation>添加任务</translation>
    </message>
    <message>
        <source>Edit task</source>
        <translation>编辑任务</translation>
    </message>
    <message>
        <source>Complete task</source>
        <translation>完成任务</translation>
    </message>
    <message>
        <source>Reopen task</source>
        <translation>重新打开任务</translation>
    </message>
    <message>
        <source>Delete task</source>
        <translation>删除任务</translation>
    </message>
    <message>
        <source>Daily record</source>
        <translation>每日记录</translation>
    </message>
    <message>
        <source>Add order</source>
        <translation>添加订单</translation>
    </message>
    <message>
        <source>Edit lead</source>
        <translation>编辑线索</translation>
    </message>
    <message>
        <source>Log follow-up</source>
        <translation>记录跟进</translation>
    </message>
    <message>
        <source>Add objection</source>
        <translation>添加异议</translation>
    </message>
    <message>
        <source>Lead won</source>
        <translation>线索赢单</translation>
    </message>
    <message>
        <source>Lead lost</source>
        <translation>线索输单</translation>
    </message>
    <message>
        <source>New lead</source>
        <translation>新建线索</translation>
    </message>
    <message>
        <source>Delete lead</source>
        <translation>删除线索</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>Edit customer</source>
        <translation>编辑客户</translation>
    </message>
    <message>
        <source>Delete customer</source>
        <translation>删除客户</translation>
    </message>
    <message>
        <source>Referral reward paid</source>
        <translation>转介绍奖励已支付</translation>
    </message>
    <message>
        <source>Edit contacts</source>
        <translation>编辑联系人</translation>
    </message>
    <message>
        <source>Save persona</source>
        <translation>保存画像</translation>
    </message>
    <message>
        <source>Remove persona</source>
        <translation>删除画像</translation>
    </message>
    <message>
        <source>Touchpoint done</source>
        <translation>完成触点</translation>
    </message>
    <message>
        <source>Snooze touchpoint</source>
        <translation>推迟触点</translation>
    </message>
    <message>
        <source>Skip touchpoint</source>
        <translation>跳过触点</translation>
    </message>
    <message>
        <source>Set lifecycle stage</source>
        <translation>设置生命周期阶段</translation>
    </message>
    <message>
        <source>Set content rhythm</source>
        <translation>设置内容推送节奏</translation>
    </message>
    <message>
        <source>Change touchpoint rules</source>
        <translation>修改触点规则</translation>
    </message>
    <message>
        <source>Save review</source>
        <translation>保存复盘</translation>
    </message>
    <message>
        <source>Change your name</source>
        <translation>修改你的姓名</translation>
    </message>
    <message>
        <source>Add PDCA item</source>
        <translation>添加 PDCA 事项</translation>
    </message>
    <message>
        <source>Change PDCA status</source>
        <translation>修改 PDCA 状态</translation>
    </message>
    <message>
        <source>Carry open items forward</source>
        <translation>未完成事项转入下月</translation>
    </message>
    <message>
        <source>Add case</source>
        <translation>添加案例</translation>
    </message>
    <message>
        <source>Change preferences</source>
        <translation>修改偏好设置</translation>
    </message>
    <message>
        <source>Save target</source>
        <translation>保存目标</translation>
    </message>
    <message>
        <source>Save SWOT</source>
        <translation>保存 SWOT</translation>
    </message>
    <message>
        <source>Move high-ticket revenue to volume lines</source>
        <translation>把高客单价业绩转移到走量产品线</translation>
    </message>
    <message>
        <source>Save plan line</source>
        <translation>保存计划明细</translation>
    </message>
    <message>
        <source>Save market slice</source>
        <translation>保存市场切片</translation>
    </message>
    <message>
        <source>Delete plan line</source>
        <translation>删除计划明细</translation>
    </message>
    <message>
        <source>Delete market slice</source>
        <translation>删除市场切片</translation>
    </message>
    <message>
        <source>Save season factor</source>
        <translation>保存淡旺季系数</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Done: {item}</source>
        <translation>完成：{item}</translation>
    </message>
    <message>
        <source>Snooze: {item}</source>
        <translation>推迟：{item}</translation>
    </message>
</context>
<context>
    <name>OrderDialog</name>
    <message>
        <source>Add an order</source>
        <translation>添加订单</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
</context>
<context>
    <name>PlanLineDialog</name>
    <message>
        <source>Plan line</source>
        <translation>计划明细</translation>
    </message>
    <message>
        <source>High-ticket line</source>
        <translation>高客单价产品线</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Customer type</source>
        <translation>客户类型</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>业绩</translation>
    </message>
    <message>
        <source>Average order</source>
        <translation>客单价</translation>
    </message>
    <message>
        <source>Close rate</source>
        <translation>成交率</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>偏好设置</translation>
    </message>
    <message>
        <source>Close rate over the last {months} full months</source>
        <translation>成交率按最近 {months} 个完整月计算</translation>
    </message>
    <message>
        <source>Checkpoints on day {first} and day {second} of the month</source>
        <translation>检查点：每月第 {first} 日和第 {second} 日</translation>
    </message>
    <message>
        <source>Key accounts: the top {percent} % of customers by revenue</source>
        <translation>大客户：按业绩排名前 {percent} % 的客户</translation>
    </message>
    <message>
        <source>or {hours} hours of service instead (0: the money above)</source>
        <translation>或改为 {hours} 小时服务（0：按上面的金额）</translation>
    </message>
    <message>
        <source>Also copy each daily backup to</source>
        <translation>每日备份另存一份到</translation>
    </message>
    <message>
        <source>(no second folder: backups stay on this computer)</source>
        <translation>（未设置第二文件夹：备份只保存在这台电脑上）</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>None</source>
        <translation>不设置</translation>
    </message>
    <message>
        <source>A folder for a second copy of the backups</source>
        <translation>选择存放第二份备份的文件夹</translation>
    </message>
    <message>
        <source>Follow up a lead of tier A after {a} days, B after {b}, C after {c}</source>
        <translation>A 级线索 {a} 天后跟进，B 级 {b} 天，C 级 {c} 天</translation>
    </message>
    <message>
        <source>Reward for a won referral</source>
        <translation>转介绍成交奖励</translation>
    </message>
    <message>
        <source>Mark a week whose close rate is below {percent} % of the mean of the {weeks} weeks before,</source>
        <translation>某周成交率低于此前 {weeks} 周平均值的 {percent} % 时标为异常，</translation>
    </message>
    <message>
        <source>when it had at least {visits} effective visits</source>
        <translation>前提是该周至少有 {visits} 次有效拜访</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>文件名(&amp;N)：</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <source>The database {path} is damaged and was not opened ({problem}).</source>
        <translation>数据库 {path} 已损坏，未打开（{problem}）。</translation>
    </message>
    <message>
        <source>There is no backup to restore. The damaged file was kept as {aside}; &apos;repdesk check&apos; reports what is wrong.</source>
        <translation>没有可恢复的备份。已损坏的文件保存为 {aside}；“repdesk check”可报告问题所在。</translation>
    </message>
    <message>
        <source>Restore the newest sound backup, taken {taken}? The damaged file is kept aside, not deleted.</source>
        <translation>要恢复 {taken} 的最新完好备份吗？已损坏的文件会另行保存，不会删除。</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>Export calendar</source>
        <translation>导出日历</translation>
    </message>
    <message>
        <source>iCalendar (*.ics)</source>
        <translation>iCalendar 日历 (*.ics)</translation>
    </message>
    <message>
        <source>Calendar written: {path} ({count} events)</source>
        <translation>日历已写入：{path}（{count} 个事件）</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Write the times as HH:MM, separated by commas (09:00, 14:00).</source>
        <translation>请按 HH:MM 填写时间，用逗号分隔（09:00, 14:00）。</translation>
    </message>
</context>
<context>
    <name>RemindersDialog</name>
    <message>
        <source>Reminders and calendar</source>
        <translation>提醒与日历</translation>
    </message>
    <message>
        <source>Remind me at</source>
        <translation>提醒时间</translation>
    </message>
    <message>
        <source>Keep running in the tray when the window is closed</source>
        <translation>关闭窗口后在系统托盘中继续运行</translation>
    </message>
    <message>
        <source>Start RepDesk at login, minimised to the tray</source>
        <translation>登录时启动销售工作台，并最小化到托盘</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Keep a calendar feed file up to date</source>
        <translation>保持日历订阅文件实时更新</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>this month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <source>Page {page}</source>
        <translation>第 {page} 页</translation>
    </message>
    <message>
        <source>Monthly review</source>
        <translation>月度复盘</translation>
    </message>
    <message>
        <source>Sales representative</source>
        <translation>销售代表</translation>
    </message>
    <message>
        <source>Figures as of {date}</source>
        <translation>数据截至 {date}</translation>
    </message>
    <message>
        <source>1. Results</source>
        <translation>一、结果</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>业绩</translation>
    </message>
    <message>
        <source>Completion</source>
        <translation>完成度</translation>
    </message>
    <message>
        <source>Gap to target</source>
        <translation>与目标差距</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>成交单数</translation>
    </message>
    <message>
        <source>New customers</source>
        <translation>新客户</translation>
    </message>
    <message>
        <source>Effective visits</source>
        <translation>有效拜访</translation>
    </message>
    <message>
        <source>Effective leads</source>
        <translation>有效线索</translation>
    </message>
    <message>
        <source>Close rate</source>
        <translation>成交率</translation>
    </message>
    <message>
        <source>Average order</source>
        <translation>客单价</translation>
    </message>
    <message>
        <source>Where the gap is: plan lines</source>
        <translation>差距在哪里：计划明细</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Customer type</source>
        <translation>客户类型</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Gap</source>
        <translation>差距</translation>
    </message>
    <message>
        <source>Checkpoints</source>
        <translation>检查点</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Revenue by week</source>
        <translation>每周业绩</translation>
    </message>
    <message>
        <source>Close rate by week</source>
        <translation>每周成交率</translation>
    </message>
    <message>
        <source>Pace</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>The month at a glance</source>
        <translation>本月概览</translation>
    </message>
    <message>
        <source>Floor</source>
        <translation>保底</translation>
    </message>
    <message>
        <source>Stretch</source>
        <translation>冲刺</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>档位</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Still to sell</source>
        <translation>尚差</translation>
    </message>
    <message>
        <source>Floor, target and stretch</source>
        <translation>保底、目标与冲刺</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>应完成</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Leads: created in the month through the as-of day; won: those of them won by then. Deals and revenue: the orders of the channel&apos;s customers, old and new.</source>
        <translation>线索：本月截至统计日新建的线索；赢单：其中截至当日已赢单的。成交单数和业绩：该渠道客户（新老客户）的订单。</translation>
    </message>
    <message>
        <source>Channel contribution against last month</source>
        <translation>各渠道贡献（对比上月）</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>线索</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <source>Conversion</source>
        <translation>转化率</translation>
    </message>
    <message>
        <source>ROI</source>
        <translation>ROI</translation>
    </message>
    <message>
        <source>2. Process</source>
        <translation>二、过程</translation>
    </message>
    <message>
        <source>Effective visits {actual} against {expected} expected by the working days so far.</source>
        <translation>有效拜访 {actual}，按已过工作日应完成 {expected}。</translation>
    </message>
    <message>
        <source>Key accounts</source>
        <translation>大客户</translation>
    </message>
    <message>
        <source>{count} customers bring {share} of the last 12 months&apos; revenue.</source>
        <translation>{count} 个客户贡献近12个月业绩的 {share}。</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Revenue, 12 months</source>
        <translation>近12个月业绩</translation>
    </message>
    <message>
        <source>Lifecycle and churn</source>
        <translation>客户生命周期与流失预警</translation>
    </message>
    <message>
        <source>orders down 2 months in a row</source>
        <translation>订单量连续2个月下降</translation>
    </message>
    <message>
        <source>contact person left</source>
        <translation>对接人离职</translation>
    </message>
    <message>
        <source>No customer shows a churn signal.</source>
        <translation>没有客户出现流失信号。</translation>
    </message>
    <message>
        <source>… and {count} more: the Lifecycle calendar lists them all.</source>
        <translation>……另有 {count} 位客户：客户生命周期日历中可查看全部。</translation>
    </message>
    <message>
        <source>Touchpoint</source>
        <translation>触点</translation>
    </message>
    <message>
        <source>Touchpoints from {start} to {end}: {count}</source>
        <translation>{start} 至 {end} 的客户触点：{count} 个</translation>
    </message>
    <message>
        <source>… and {count} more in the Lifecycle calendar.</source>
        <translation>……另有 {count} 个，见“客户生命周期”日历。</translation>
    </message>
    <message>
        <source>3. Ability and the rep&apos;s own review</source>
        <translation>三、能力与自我复盘</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>过程</translation>
    </message>
    <message>
        <source>Ability</source>
        <translation>能力</translation>
    </message>
    <message>
        <source>Improvement plan</source>
        <translation>改进计划</translation>
    </message>
    <message>
        <source>Kept as method</source>
        <translation>固化的方法</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>摒弃的动作</translation>
    </message>
    <message>
        <source>The rep has not written this month&apos;s review yet.</source>
        <translation>本月的复盘还没有填写。</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Case journal</source>
        <translation>案例日志</translation>
    </message>
    <message>
        <source>Win</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>教训</translation>
    </message>
    <message>
        <source>What to repeat</source>
        <translation>值得重复的做法</translation>
    </message>
    <message>
        <source>What to avoid</source>
        <translation>需要避免的做法</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>经过</translation>
    </message>
    <message>
        <source>What was said</source>
        <translation>怎么说的</translation>
    </message>
    <message>
        <source>Deal amount</source>
        <translation>成交金额</translation>
    </message>
    <message>
        <source>Orders to that day</source>
        <translation>截至当天的订单</translation>
    </message>
    <message>
        <source>{orders} orders, {revenue}</source>
        <translation>{orders} 单，{revenue}</translation>
    </message>
    <message>
        <source>Customer since</source>
        <translation>首单日期</translation>
    </message>
    <message>
        <source>Cases for the sales meeting · {month}</source>
        <translation>销售晨会案例 · {month}</translation>
    </message>
</context>
<context>
    <name>ReviewTab</name>
    <message>
        <source>Monthly review</source>
        <translation>月度复盘</translation>
    </message>
    <message>
        <source>Review of {month}</source>
        <translation>{month} 复盘</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Your name on the report</source>
        <translation>报告上的姓名</translation>
    </message>
    <message>
        <source>Rep on the report:</source>
        <translation>报告署名：</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Print preview…</source>
        <translation>打印预览…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>1. Results: completion and where the gap is</source>
        <translation>一、结果：完成度与差距在哪里</translation>
    </message>
    <message>
        <source>2. Process: were the actions effective?</source>
        <translation>二、过程：动作是否有效？</translation>
    </message>
    <message>
        <source>3. Ability and your own review</source>
        <translation>三、能力与自我复盘</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>过程</translation>
    </message>
    <message>
        <source>Ability: shortcomings</source>
        <translation>能力：短板</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Add item…</source>
        <translation>添加事项…</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Drop</source>
        <translation>摒弃</translation>
    </message>
    <message>
        <source>Carry open items into next month</source>
        <translation>把未完成事项带入下月</translation>
    </message>
    <message>
        <source>Case journal (weekly sales meeting)</source>
        <translation>案例日志（每周销售晨会）</translation>
    </message>
    <message>
        <source>Case to export</source>
        <translation>要导出的案例</translation>
    </message>
    <message>
        <source>Add a case…</source>
        <translation>添加案例…</translation>
    </message>
    <message>
        <source>Case as PDF…</source>
        <translation>案例导出 PDF…</translation>
    </message>
    <message>
        <source>Month&apos;s cases as a handout…</source>
        <translation>本月案例讲义…</translation>
    </message>
    <message>
        <source>Revenue {actual} of {target}: &lt;b&gt;{completion}&lt;/b&gt; complete, gap {gap}</source>
        <translation>业绩 {actual} / {target}：完成 &lt;b&gt;{completion}&lt;/b&gt;，差距 {gap}</translation>
    </message>
    <message>
        <source>Revenue {actual}: no target for this month, so no completion or gap (set one on the Targets tab)</source>
        <translation>营收 {actual}：本月还没有目标，因此没有完成率和差距（在“目标”页设定）</translation>
    </message>
    <message>
        <source>{product} {customer_type}: {actual} of {plan}</source>
        <translation>{product} {customer_type}：{actual} / {plan}</translation>
    </message>
    <message>
        <source>By channel, this month against last:</source>
        <translation>按渠道，本月对比上月：</translation>
    </message>
    <message>
        <source>Effective visits {actual} against {expected} expected so far</source>
        <translation>有效拜访 {actual}，截至目前应完成 {expected}</translation>
    </message>
    <message>
        <source>Close rate {rate} (last 3 months {history})</source>
        <translation>成交率 {rate}（近3个月 {history}）</translation>
    </message>
    <message>
        <source>Average order {actual} (plan {plan})</source>
        <translation>客单价 {actual}（计划 {plan}）</translation>
    </message>
    <message>
        <source>Effective leads {count}</source>
        <translation>有效线索 {count}</translation>
    </message>
    <message>
        <source>next month</source>
        <translation>下月</translation>
    </message>
    <message>
        <source>Win</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>教训</translation>
    </message>
    <message>
        <source>No cases this month yet.</source>
        <translation>本月还没有案例。</translation>
    </message>
    <message>
        <source>{count} open items are tasks for next month now.</source>
        <translation>{count} 项未完成事项已成为下月任务。</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案例</translation>
    </message>
    <message>
        <source>Export the case</source>
        <translation>导出案例</translation>
    </message>
    <message>
        <source>The month&apos;s cases as a handout</source>
        <translation>本月案例讲义</translation>
    </message>
    <message>
        <source>Writing the monthly review…</source>
        <translation>正在生成月度复盘…</translation>
    </message>
    <message>
        <source>Export the monthly review</source>
        <translation>导出月度复盘</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <source>Improvement plan</source>
        <translation>改进计划</translation>
    </message>
    <message>
        <source>Kept as method</source>
        <translation>固化的方法</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>摒弃的动作</translation>
    </message>
    <message>
        <source>Save review</source>
        <translation>保存复盘</translation>
    </message>
    <message>
        <source>PDCA</source>
        <translation>PDCA 循环</translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <source>Touchpoint rules</source>
        <translation>触点规则</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <source>Spring Festival</source>
        <translation>春节</translation>
    </message>
    <message>
        <source>Dragon Boat</source>
        <translation>端午</translation>
    </message>
    <message>
        <source>Mid-Autumn</source>
        <translation>中秋</translation>
    </message>
    <message>
        <source>New Year</source>
        <translation>元旦</translation>
    </message>
    <message>
        <source>National Day</source>
        <translation>国庆</translation>
    </message>
    <message>
        <source>Greet at</source>
        <translation>节日问候</translation>
    </message>
</context>
<context>
    <name>ServerFields</name>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>(kept in the system keyring once it works)</source>
        <translation>（验证成功后保存在系统钥匙串中）</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
</context>
<context>
    <name>SliceDialog</name>
    <message>
        <source>Market slice</source>
        <translation>市场切片</translation>
    </message>
    <message>
        <source>new market (60% from new customers)</source>
        <translation>新市场（60% 来自新客户）</translation>
    </message>
    <message>
        <source>mature (50% from repeat and key accounts)</source>
        <translation>成熟区域（50% 来自复购和大客户）</translation>
    </message>
    <message>
        <source>as the stage says</source>
        <translation>按市场阶段</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>not estimated</source>
        <translation>不估算</translation>
    </message>
    <message>
        <source>Area / trading zone</source>
        <translation>区域/商圈</translation>
    </message>
    <message>
        <source>Customer type</source>
        <translation>客户类型</translation>
    </message>
    <message>
        <source>Share of the target</source>
        <translation>占目标比例</translation>
    </message>
    <message>
        <source>Market stage</source>
        <translation>市场阶段</translation>
    </message>
    <message>
        <source>From new customers</source>
        <translation>来自新客户</translation>
    </message>
    <message>
        <source>Reachable customer pool</source>
        <translation>可触达客户池</translation>
    </message>
    <message>
        <source>New sites or prospects in the area</source>
        <translation>区域内新开工楼盘/潜在客户数</translation>
    </message>
    <message>
        <source>Competitors&apos; share of them</source>
        <translation>竞品份额</translation>
    </message>
    <message>
        <source>Part I can reach this month</source>
        <translation>本月我能触达的比例</translation>
    </message>
    <message>
        <source>Estimated pool</source>
        <translation>推算的客户池</translation>
    </message>
    <message>
        <source>{prospects} × (1 − {held}) × {reach} = {pool} customers</source>
        <translation>{prospects} × (1 − {held}) × {reach} = {pool} 家客户</translation>
    </message>
    <message>
        <source>Give the prospects to estimate the pool instead of typing it.</source>
        <translation>填写潜在客户数即可推算客户池，不必手填。</translation>
    </message>
</context>
<context>
    <name>SnoozeDialog</name>
    <message>
        <source>Snooze</source>
        <translation>推迟</translation>
    </message>
    <message>
        <source>Snooze to</source>
        <translation>推迟到</translation>
    </message>
</context>
<context>
    <name>SystemTray</name>
    <message>
        <source>Open Today</source>
        <translation>打开今日</translation>
    </message>
    <message>
        <source>Quit RepDesk</source>
        <translation>退出销售工作台</translation>
    </message>
    <message>
        <source>RepDesk: {count} to do today</source>
        <translation>销售工作台：今天有 {count} 项待办</translation>
    </message>
</context>
<context>
    <name>TargetsTab</name>
    <message>
        <source>Revenue target</source>
        <translation>业绩目标</translation>
    </message>
    <message>
        <source>Challenge coefficient</source>
        <translation>挑战系数</translation>
    </message>
    <message>
        <source>Relevance</source>
        <translation>关联性</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Customer type</source>
        <translation>客户类型</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>业绩</translation>
    </message>
    <message>
        <source>Average order</source>
        <translation>客单价</translation>
    </message>
    <message>
        <source>Close rate</source>
        <translation>成交率</translation>
    </message>
    <message>
        <source>SMART target</source>
        <translation>SMART 目标</translation>
    </message>
    <message>
        <source>e.g. win 10 manufacturers buying over ¥500,000 a year; 5 orders of product A</source>
        <translation>例：开发10家年采购额超50万的制造业客户，产品A成交5单</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>target × challenge coefficient</source>
        <translation>目标 × 挑战系数</translation>
    </message>
    <message>
        <source>calculated</source>
        <translation>自动计算</translation>
    </message>
    <message>
        <source>from my records</source>
        <translation>按我的历史数据</translation>
    </message>
    <message>
        <source>Specific</source>
        <translation>具体目标</translation>
    </message>
    <message>
        <source>Floor</source>
        <translation>保底</translation>
    </message>
    <message>
        <source>Stretch</source>
        <translation>冲刺</translation>
    </message>
    <message>
        <source>Effective visits this month</source>
        <translation>本月有效拜访</translation>
    </message>
    <message>
        <source>New customers</source>
        <translation>新客户</translation>
    </message>
    <message>
        <source>New long-term customers</source>
        <translation>新增长期合作客户</translation>
    </message>
    <message>
        <source>Average order uplift</source>
        <translation>客单价提升</translation>
    </message>
    <message>
        <source>Close rate without history</source>
        <translation>无历史数据时的成交率</translation>
    </message>
    <message>
        <source>Executive visits to key accounts</source>
        <translation>大客户高层拜访</translation>
    </message>
    <message>
        <source>Save target</source>
        <translation>保存目标</translation>
    </message>
    <message>
        <source>Attainable and challenging</source>
        <translation>可达成且具挑战</translation>
    </message>
    <message>
        <source>Cross decomposition: product × customer type → daily actions</source>
        <translation>交叉拆解：产品 × 客户类型 → 每日动作</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Daily actions</source>
        <translation>每日动作</translation>
    </message>
    <message>
        <source>Add line…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Send today&apos;s actions to the board</source>
        <translation>把今日动作发送到四象限</translation>
    </message>
    <message>
        <source>Checkpoints on the 10th and 20th</source>
        <translation>10日、20日检查点</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>时段</translation>
    </message>
    <message>
        <source>Working days</source>
        <translation>工作日</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>应完成</translation>
    </message>
    <message>
        <source>Expected so far</source>
        <translation>截至当日应完成</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>SWOT self-calibration</source>
        <translation>SWOT 自我校准</translation>
    </message>
    <message>
        <source>Strengths</source>
        <translation>优势</translation>
    </message>
    <message>
        <source>Weaknesses</source>
        <translation>劣势</translation>
    </message>
    <message>
        <source>Opportunities</source>
        <translation>机会</translation>
    </message>
    <message>
        <source>Threats</source>
        <translation>威胁</translation>
    </message>
    <message>
        <source>one per line</source>
        <translation>每行一条</translation>
    </message>
    <message>
        <source>Negotiation is one of my weaknesses</source>
        <translation>谈判是我的短板</translation>
    </message>
    <message>
        <source>Save SWOT</source>
        <translation>保存 SWOT</translation>
    </message>
    <message>
        <source>Apply to the plan</source>
        <translation>应用到计划</translation>
    </message>
    <message>
        <source>Market slices (area × customer type)</source>
        <translation>市场切片（区域/商圈 × 客户类型）</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>From new customers</source>
        <translation>来自新客户</translation>
    </message>
    <message>
        <source>Reachable pool</source>
        <translation>可触达客户池</translation>
    </message>
    <message>
        <source>Customers won</source>
        <translation>已成交客户</translation>
    </message>
    <message>
        <source>Add slice…</source>
        <translation>添加切片…</translation>
    </message>
    <message>
        <source>Base monthly target</source>
        <translation>基础月目标</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Season factor</source>
        <translation>淡旺季系数</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>× season factor</source>
        <translation>× 淡旺季系数</translation>
    </message>
    <message>
        <source>Target for {month}</source>
        <translation>{month} 目标</translation>
    </message>
    <message>
        <source>{actual} of {expected} expected by today</source>
        <translation>已完成 {actual}，截至今天应完成 {expected}</translation>
    </message>
    <message>
        <source>{actual} so far · no target: set the revenue target to see the pace</source>
        <translation>目前 {actual} · 未设目标：设定业绩目标后显示进度</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>{name} {amount} ({done} done)</source>
        <translation>{name} {amount}（已完成 {done}）</translation>
    </message>
    <message>
        <source>No revenue target: no floor, target or stretch line.</source>
        <translation>尚无业绩目标：没有保底、目标或冲刺线。</translation>
    </message>
    <message>
        <source>No target for this month yet: fill in the form and save.</source>
        <translation>本月还没有目标：请填写左侧表单并保存。</translation>
    </message>
    <message>
        <source>No effective visits in {first} – {last}: type the close rate you expect.</source>
        <translation>{first} – {last} 没有有效拜访：请输入预计成交率。</translation>
    </message>
    <message>
        <source>your records, {first} – {last}</source>
        <translation>您的记录，{first} – {last}</translation>
    </message>
    <message>
        <source>typed by you</source>
        <translation>您输入的</translation>
    </message>
    <message>
        <source>Close rate {rate} ({source})</source>
        <translation>成交率 {rate}（{source}）</translation>
    </message>
    <message>
        <source>&lt;b&gt;{visits} visits × {rate} × {coefficient} = {raw} → {result} new customers&lt;/b&gt;</source>
        <translation>&lt;b&gt;{visits} 次拜访 × {rate} × {coefficient} = {raw} → {result} 个新客户&lt;/b&gt;</translation>
    </message>
    <message>
        <source>You set {count} new customers.</source>
        <translation>您设定的新客户目标：{count} 个。</translation>
    </message>
    <message>
        <source>Process: {day} a day → {week} a week → {month} a month ({days} working days)</source>
        <translation>过程：每天 {day} 个 → 每周 {week} 个 → 每月 {month} 个（{days} 个工作日）</translation>
    </message>
    <message>
        <source>Average order: {before} over the last 3 months → goal {goal}</source>
        <translation>客单价：近3个月 {before} → 目标 {goal}</translation>
    </message>
    <message>
        <source>New long-term customers so far: {count} of {goal}</source>
        <translation>新增长期合作客户：{count} / {goal}</translation>
    </message>
    <message>
        <source>Key accounts: {count} customers bring {share} of the last 12 months&apos; revenue</source>
        <translation>大客户：{count} 个客户贡献近12个月业绩的 {share}</translation>
    </message>
    <message>
        <source>Executive visits to key accounts: {done} of {goal}</source>
        <translation>大客户高层拜访：{done} / {goal}</translation>
    </message>
    <message>
        <source>Plan total {total} · every working day: {actions}</source>
        <translation>计划合计 {total} · 每个工作日：{actions}</translation>
    </message>
    <message>
        <source>1st–10th</source>
        <translation>上旬（1–10日）</translation>
    </message>
    <message>
        <source>11th–20th</source>
        <translation>中旬（11–20日）</translation>
    </message>
    <message>
        <source>21st–end</source>
        <translation>下旬（21日–月底）</translation>
    </message>
    <message>
        <source>{day}: {actual} of {expected} expected</source>
        <translation>{day}：已完成 {actual}，应完成 {expected}</translation>
    </message>
    <message>
        <source>{day}: {actual}</source>
        <translation>{day}：{actual}</translation>
    </message>
    <message>
        <source>The first checkpoint is on the 10th.</source>
        <translation>第一个检查点在10日。</translation>
    </message>
    <message>
        <source>Tick a negotiation weakness to see how much of the high-ticket (★) plan to move to volume lines.</source>
        <translation>勾选“谈判是我的短板”，查看应把多少高客单价（★）计划转移到走量产品线。</translation>
    </message>
    <message>
        <source>Weak at negotiation: move {percent}% ({amount}) of the high-ticket lines&apos; revenue to the volume lines?</source>
        <translation>谈判是短板：把高客单价产品线 {percent}%（{amount}）的业绩转移到走量产品线吗？</translation>
    </message>
    <message>
        <source>new market</source>
        <translation>新市场</translation>
    </message>
    <message>
        <source>mature</source>
        <translation>成熟区域</translation>
    </message>
    <message>
        <source>{pool} (estimated)</source>
        <translation>{pool}（推算）</translation>
    </message>
    <message>
        <source>{area}: new-customer development is saturated here: shift to repeat purchase and key accounts</source>
        <translation>{area}：新客开发已饱和，请转向老客户复购和大客户深挖</translation>
    </message>
    <message>
        <source>Base target × season factor for this month: {amount}</source>
        <translation>基础月目标 × 本月淡旺季系数：{amount}</translation>
    </message>
    <message>
        <source>No slices for this month yet (import them or add them later).</source>
        <translation>本月还没有市场切片。</translation>
    </message>
    <message>
        <source>Plan line</source>
        <translation>计划明细</translation>
    </message>
    <message>
        <source>A plan line needs a product and an average order above zero.</source>
        <translation>计划明细需要产品名称，且客单价大于零。</translation>
    </message>
    <message>
        <source>Market slice</source>
        <translation>市场切片</translation>
    </message>
    <message>
        <source>A market slice needs an area.</source>
        <translation>市场切片需要填写区域。</translation>
    </message>
    <message>
        <source>{count} tasks sent to the four-quadrant board.</source>
        <translation>已向四象限发送 {count} 项任务。</translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <source>Edit task</source>
        <translation>编辑任务</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Quadrant</source>
        <translation>象限</translation>
    </message>
    <message>
        <source>Has a due date</source>
        <translation>设定截止日期</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>TeamCommand</name>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
</context>
<context>
    <name>TeamMenu</name>
    <message>
        <source>&amp;Team</source>
        <translation>团队(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Push now…</source>
        <translation>立即推送(&amp;P)…</translation>
    </message>
    <message>
        <source>Team &amp;month…</source>
        <translation>团队月度(&amp;M)…</translation>
    </message>
</context>
<context>
    <name>TeamPushDialog</name>
    <message>
        <source>Push to the team server</source>
        <translation>推送到团队服务器</translation>
    </message>
    <message>
        <source>Rep</source>
        <translation>销售</translation>
    </message>
    <message>
        <source>Push again each time RepDesk closes</source>
        <translation>每次关闭销售工作台时自动推送</translation>
    </message>
    <message>
        <source>Push now</source>
        <translation>立即推送</translation>
    </message>
    <message>
        <source>Pushing…</source>
        <translation>正在推送…</translation>
    </message>
    <message>
        <source>Stopped; nothing was changed on the server.</source>
        <translation>已停止；服务器上未做任何更改。</translation>
    </message>
</context>
<context>
    <name>TeamWindow</name>
    <message>
        <source>Team month</source>
        <translation>团队月度</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>截至日期</translation>
    </message>
    <message>
        <source>Rep</source>
        <translation>销售</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>业绩</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Completion</source>
        <translation>完成度</translation>
    </message>
    <message>
        <source>Pace</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Effective visits</source>
        <translation>有效拜访</translation>
    </message>
    <message>
        <source>Close rate</source>
        <translation>成交率</translation>
    </message>
    <message>
        <source>Overdue leads</source>
        <translation>逾期线索</translation>
    </message>
    <message>
        <source>Churn warnings</source>
        <translation>流失预警</translation>
    </message>
    <message>
        <source>Last push</source>
        <translation>最近推送</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Reading the team&apos;s month…</source>
        <translation>正在读取团队月度数据…</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <source>{reps} reps, {month} through {date}.</source>
        <translation>{reps} 名销售，{month}（截至 {date}）。</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>on pace</source>
        <translation>进度正常</translation>
    </message>
    <message>
        <source>slightly behind</source>
        <translation>略微落后</translation>
    </message>
    <message>
        <source>behind</source>
        <translation>落后</translation>
    </message>
    <message>
        <source>no target</source>
        <translation>无目标</translation>
    </message>
</context>
<context>
    <name>TodayTab</name>
    <message>
        <source>Today&apos;s work</source>
        <translation>今日工作</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>要做的事</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Nothing due today. Well done.</source>
        <translation>今天没有到期的事项，做得好。</translation>
    </message>
    <message>
        <source>Done (Space)</source>
        <translation>完成（空格）</translation>
    </message>
    <message>
        <source>Snooze… (S)</source>
        <translation>推迟…（S）</translation>
    </message>
    <message>
        <source>Open (Enter)</source>
        <translation>打开（回车）</translation>
    </message>
    <message>
        <source>Today&apos;s quota</source>
        <translation>今日指标</translation>
    </message>
    <message>
        <source>+1 effective visit</source>
        <translation>+1 有效拜访</translation>
    </message>
    <message>
        <source>+1 call</source>
        <translation>+1 电话</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>↑/↓ choose · Space done · S snooze · Enter open · Ctrl+Z undo</source>
        <translation>↑/↓ 选择 · 空格 完成 · S 推迟 · 回车 打开 · Ctrl+Z 撤销</translation>
    </message>
    <message>
        <source>Renewals and win-backs</source>
        <translation>续约演示与流失挽回</translation>
    </message>
    <message>
        <source>A-tier follow-ups</source>
        <translation>A 类线索跟进</translation>
    </message>
    <message>
        <source>My urgent tasks</source>
        <translation>我的重要紧急任务</translation>
    </message>
    <message>
        <source>Birthdays and greetings</source>
        <translation>生日、周年与节日问候</translation>
    </message>
    <message>
        <source>Other touchpoints</source>
        <translation>其他客户触点</translation>
    </message>
    <message>
        <source>B- and C-tier follow-ups</source>
        <translation>B、C 类线索跟进</translation>
    </message>
    <message>
        <source>Today · {date} · {count} to do</source>
        <translation>今日 · {date} · 待办 {count} 项</translation>
    </message>
    <message>
        <source>{group} ({count})</source>
        <translation>{group}（{count}）</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 天</translation>
    </message>
    <message>
        <source>{days} days</source>
        <translation>{days} 天</translation>
    </message>
    <message>
        <source>{count} more</source>
        <translation>还有 {count} 项</translation>
    </message>
    <message>
        <source>Show fewer</source>
        <translation>收起</translation>
    </message>
    <message>
        <source>Effective visits: {done} of {planned}</source>
        <translation>有效拜访：{done} / {planned}</translation>
    </message>
    <message>
        <source>Calls: {count}</source>
        <translation>电话：{count}</translation>
    </message>
    <message>
        <source>on pace</source>
        <translation>进度正常</translation>
    </message>
    <message>
        <source>slightly behind</source>
        <translation>略微落后</translation>
    </message>
    <message>
        <source>behind</source>
        <translation>落后</translation>
    </message>
    <message>
        <source>Pace: {status}</source>
        <translation>进度：{status}</translation>
    </message>
    <message>
        <source>no target</source>
        <translation>无目标</translation>
    </message>
    <message>
        <source>No checkpoint left this month.</source>
        <translation>本月已没有剩余检查点。</translation>
    </message>
    <message>
        <source>Next checkpoint {date}: {expected} expected, {actual} so far</source>
        <translation>下一个检查点 {date}：应完成 {expected}，目前 {actual}</translation>
    </message>
</context>
<context>
    <name>WonDialog</name>
    <message>
        <source>Won: the first order</source>
        <translation>赢单：首笔订单</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
</context>
</TS>
