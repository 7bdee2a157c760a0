<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name />
    <message>
        <source>&amp;New record</source>
        <translation>新建记录(&amp;N)</translation>
    </message>
    <message>
        <source>Create a record in the current section</source>
        <translation>在当前栏目中新建记录</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>Company details, currency, locale and phone region</source>
        <translation>公司信息、货币、区域格式和电话地区</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Close the window</source>
        <translation>关闭窗口</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>Undo the last change</source>
        <translation>撤销上一次更改</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>Go to the search box of the current list</source>
        <translation>转到当前列表的搜索框</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>Open the selected record</source>
        <translation>打开所选记录</translation>
    </message>
    <message>
        <source>Move to &amp;trash</source>
        <translation>移到回收站(&amp;T)</translation>
    </message>
    <message>
        <source>Move the selected records to the trash (Ctrl+Z brings them back)</source>
        <translation>将所选记录移到回收站（Ctrl+Z 可恢复）</translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <source>Select every row of the list</source>
        <translation>选中列表中的所有行</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>返回(&amp;B)</translation>
    </message>
    <message>
        <source>Back to the list you came from</source>
        <translation>返回上一个列表</translation>
    </message>
    <message>
        <source>&amp;Clear search</source>
        <translation>清除搜索(&amp;C)</translation>
    </message>
    <message>
        <source>Clear the search, or go back from a customer's page</source>
        <translation>清除搜索，或从客户页面返回</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Read the current list again from the database</source>
        <translation>从数据库重新读取当前列表</translation>
    </message>
    <message>
        <source>&amp;Pipeline board</source>
        <translation>销售漏斗看板(&amp;P)</translation>
    </message>
    <message>
        <source>Show the deals as a board of stages</source>
        <translation>按阶段以看板显示商机</translation>
    </message>
    <message>
        <source>Add &amp;tag…</source>
        <translation>添加标签(&amp;T)…</translation>
    </message>
    <message>
        <source>Tag the selected customers</source>
        <translation>为所选客户添加标签</translation>
    </message>
    <message>
        <source>&amp;Remove tag…</source>
        <translation>移除标签(&amp;R)…</translation>
    </message>
    <message>
        <source>Remove a tag from the selected customers</source>
        <translation>从所选客户移除标签</translation>
    </message>
    <message>
        <source>Restore from tras&amp;h</source>
        <translation>从回收站恢复(&amp;H)</translation>
    </message>
    <message>
        <source>Bring the selected records back from the trash</source>
        <translation>从回收站恢复所选记录</translation>
    </message>
    <message>
        <source>&amp;Delete for good…</source>
        <translation>永久删除(&amp;D)…</translation>
    </message>
    <message>
        <source>Delete the selected records in the trash for good</source>
        <translation>永久删除回收站中的所选记录</translation>
    </message>
    <message>
        <source>&amp;Empty trash…</source>
        <translation>清空回收站(&amp;E)…</translation>
    </message>
    <message>
        <source>Delete everything in the trash for good</source>
        <translation>永久删除回收站中的全部内容</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Every command and its keys</source>
        <translation>所有命令及其快捷键</translation>
    </message>
    <message>
        <source>Show &amp;log folder</source>
        <translation>显示日志文件夹(&amp;L)</translation>
    </message>
    <message>
        <source>Where CRM Desktop writes the details of errors</source>
        <translation>CRM Desktop 记录错误详情的位置</translation>
    </message>
    <message>
        <source>&amp;About CRM Desktop</source>
        <translation>关于 CRM Desktop(&amp;A)</translation>
    </message>
    <message>
        <source>Automatic backups: at the first start after 24 hours, on exit after changes, and before anything that changes many records (import, emptying the trash, restore, upgrade). Kept: everything from the last 2 days, then the last 7 daily, 4 weekly and 12 monthly; safety copies for at least 30 days.</source>
        <translation>自动备份：距上次满 24 小时后的首次启动时、有更改后退出时，以及任何批量更改之前（导入、清空回收站、恢复、升级）。保留：最近 2 天的全部备份，之后保留最近 7 个每日、4 个每周和 12 个每月备份；安全副本至少保留 30 天。</translation>
    </message>
    <message>
        <source>CRM Desktop backups (*.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation>CRM Desktop 备份 (*.sqlite3 *.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>已验证</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>已损坏</translation>
    </message>
    <message>
        <source>Not verified</source>
        <translation>未验证</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Restoring a backup</source>
        <translation>正在从备份恢复</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>职位</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Primary</source>
        <translation>主要</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>成交概率</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>预计成交日期</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Service cases</source>
        <translation>服务工单</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>Log a call</source>
        <translation>记录电话</translation>
    </message>
    <message>
        <source>Log a meeting</source>
        <translation>记录会议</translation>
    </message>
    <message>
        <source>Add a note</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <source>e.g. Called about the quote</source>
        <translation>例如：就报价打了电话</translation>
    </message>
    <message>
        <source>e.g. Demo at their office</source>
        <translation>例如：在对方办公室演示</translation>
    </message>
    <message>
        <source>e.g. Prefers email to phone</source>
        <translation>例如：更喜欢邮件联系而不是电话</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Discount %</source>
        <translation>折扣 %</translation>
    </message>
    <message>
        <source>Tax %</source>
        <translation>税率 %</translation>
    </message>
    <message>
        <source>Record payment</source>
        <translation>登记付款</translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation>发票</translation>
    </message>
    <message>
        <source>invoice</source>
        <translation>发票</translation>
    </message>
    <message>
        <source>invoices</source>
        <translation>发票</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>开具日期</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已付</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>不含税</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>税额</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Unpaid only</source>
        <translation>仅未付清</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>付款</translation>
    </message>
    <message>
        <source>payment</source>
        <translation>付款</translation>
    </message>
    <message>
        <source>payments</source>
        <translation>付款</translation>
    </message>
    <message>
        <source>Paid on</source>
        <translation>付款日期</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>发票</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Interactions</source>
        <translation>沟通记录</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>营销活动</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>回收站</translation>
    </message>
    <message>
        <source>Quotes</source>
        <translation>报价单</translation>
    </message>
    <message>
        <source>quote</source>
        <translation>报价单</translation>
    </message>
    <message>
        <source>quotes</source>
        <translation>报价单</translation>
    </message>
    <message>
        <source>Net total</source>
        <translation>不含税合计</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>PDF document (.pdf)</source>
        <translation>PDF 文档 (.pdf)</translation>
    </message>
    <message>
        <source>Excel workbook (.xlsx)</source>
        <translation>Excel 工作簿 (.xlsx)</translation>
    </message>
    <message>
        <source>CSV, UTF-8 (.csv)</source>
        <translation>CSV，UTF-8 (.csv)</translation>
    </message>
    <message>
        <source>campaign</source>
        <translation>营销活动</translation>
    </message>
    <message>
        <source>campaigns</source>
        <translation>营销活动</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Primary only</source>
        <translation>仅主要联系人</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家/地区</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Primary contact</source>
        <translation>主要联系人</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>收入</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>网站</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>deal</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>deals</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Weighted amount</source>
        <translation>加权金额</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Lost reason</source>
        <translation>丢单原因</translation>
    </message>
    <message>
        <source>Open only</source>
        <translation>仅未关闭</translation>
    </message>
    <message>
        <source>interaction</source>
        <translation>沟通记录</translation>
    </message>
    <message>
        <source>interactions</source>
        <translation>沟通记录</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>明细行</translation>
    </message>
    <message>
        <source>product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>products</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>活跃</translation>
    </message>
    <message>
        <source>service case</source>
        <translation>服务工单</translation>
    </message>
    <message>
        <source>service cases</source>
        <translation>服务工单</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>record in the trash</source>
        <translation>回收站中的记录</translation>
    </message>
    <message>
        <source>records in the trash</source>
        <translation>回收站中的记录</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>Net (tax is added)</source>
        <translation>不含税（另加税额）</translation>
    </message>
    <message>
        <source>Gross (tax included)</source>
        <translation>含税（已含税额）</translation>
    </message>
    <message>
        <source>Per line</source>
        <translation>按行</translation>
    </message>
    <message>
        <source>Per document, per rate</source>
        <translation>按单据、按税率</translation>
    </message>
    <message>
        <source>Legal name</source>
        <translation>法定名称</translation>
    </message>
    <message>
        <source>KPP (Russia)</source>
        <translation>KPP（俄罗斯）</translation>
    </message>
    <message>
        <source>Bank details</source>
        <translation>银行账户信息</translation>
    </message>
    <message>
        <source>Default tax rate %</source>
        <translation>默认税率 %</translation>
    </message>
    <message>
        <source>Prices are entered</source>
        <translation>价格录入方式</translation>
    </message>
    <message>
        <source>Tax is rounded</source>
        <translation>税额舍入方式</translation>
    </message>
    <message>
        <source>Invoice numbers</source>
        <translation>发票编号</translation>
    </message>
    <message>
        <source>Credit note numbers</source>
        <translation>红字发票编号</translation>
    </message>
    <message>
        <source>Days to pay</source>
        <translation>付款期限（天）</translation>
    </message>
    <message>
        <source>Payment terms</source>
        <translation>付款条件</translation>
    </message>
    <message>
        <source>Quote numbers start with</source>
        <translation>报价单编号前缀</translation>
    </message>
    <message>
        <source>Quotes valid for (days)</source>
        <translation>报价有效期（天）</translation>
    </message>
    <message>
        <source>any time</source>
        <translation>任何时间</translation>
    </message>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>next 7 days</source>
        <translation>未来 7 天</translation>
    </message>
    <message>
        <source>this month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>next 30 days</source>
        <translation>未来 30 天</translation>
    </message>
    <message>
        <source>this year</source>
        <translation>今年</translation>
    </message>
    <message>
        <source>last year</source>
        <translation>去年</translation>
    </message>
    <message>
        <source>custom range…</source>
        <translation>自定义范围…</translation>
    </message>
    <message>
        <source>campaign members</source>
        <translation>营销活动成员</translation>
    </message>
    <message>
        <source>When (UTC)</source>
        <translation>时间（UTC）</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>OK — new</source>
        <translation>正常 — 新记录</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>Contacts and tables (*.csv *.txt *.tsv *.xlsx *.vcf);;All files (*)</source>
        <translation>联系人和表格 (*.csv *.txt *.tsv *.xlsx *.vcf);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Customers (with their primary contact)</source>
        <translation>客户（含主要联系人）</translation>
    </message>
    <message>
        <source>Recognise automatically</source>
        <translation>自动识别</translation>
    </message>
    <message>
        <source>Google Contacts CSV</source>
        <translation>Google 通讯录 CSV</translation>
    </message>
    <message>
        <source>Outlook CSV</source>
        <translation>Outlook CSV</translation>
    </message>
    <message>
        <source>Thunderbird CSV</source>
        <translation>Thunderbird CSV</translation>
    </message>
    <message>
        <source>— don't import —</source>
        <translation>— 不导入 —</translation>
    </message>
</context>
<context>
    <name>AskRecoveryKeyDialog</name>
    <message>
        <source>Encrypted database</source>
        <translation>加密的数据库</translation>
    </message>
    <message>
        <source>%1 is encrypted, and this computer does not hold its key. Type its recovery key (from the page printed when it was encrypted).</source>
        <translation>%1 已加密，而这台电脑上没有它的密钥。请输入它的恢复密钥（加密时打印的那一页上）。</translation>
    </message>
    <message>
        <source>Keep the key on this computer (in its keyring)</source>
        <translation>在这台电脑上保存密钥（系统钥匙串中）</translation>
    </message>
</context>
<context>
    <name>BackupFeature</name>
    <message>
        <source>at the first start of the day</source>
        <translation>当天首次启动时</translation>
    </message>
    <message>
        <source>an internal error (see the log)</source>
        <translation>内部错误（请查看日志）</translation>
    </message>
    <message>
        <source>The daily backup could not be made: {reason} See File › Restore from backup… for the backup folder.</source>
        <translation>无法创建每日备份：{reason} 备份文件夹见 文件 › 从备份恢复…。</translation>
    </message>
    <message>
        <source>Daily backup</source>
        <translation>每日备份</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Backup folder:</source>
        <translation>备份文件夹：</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>在文件夹中显示</translation>
    </message>
    <message>
        <source>Open the backup folder in the file manager</source>
        <translation>在文件管理器中打开备份文件夹</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>更改…</translation>
    </message>
    <message>
        <source>Choose another folder for the backups: a USB stick, a synced folder…</source>
        <translation>为备份选择其他文件夹：U 盘、同步文件夹…</translation>
    </message>
    <message>
        <source>Use default</source>
        <translation>使用默认位置</translation>
    </message>
    <message>
        <source>Back up to the app's own folder again</source>
        <translation>重新备份到应用自己的文件夹</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>Make a verified backup of the database now</source>
        <translation>立即为数据库创建经过验证的备份</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>Check the selected backup again, fully (integrity, references, counts)</source>
        <translation>重新完整检查所选备份（完整性、引用、记录数）</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <source>Replace the current data with the selected backup (you are asked first)</source>
        <translation>用所选备份替换当前数据（会先征求确认）</translation>
    </message>
    <message>
        <source>Restore another file…</source>
        <translation>从其他文件恢复…</translation>
    </message>
    <message>
        <source>Restore a backup from anywhere, e.g. a USB stick</source>
        <translation>从任意位置恢复备份，例如 U 盘</translation>
    </message>
    <message>
        <source>Check database</source>
        <translation>检查数据库</translation>
    </message>
    <message>
        <source>Run the integrity and foreign-key check on the database (as crm-desktop check)</source>
        <translation>对数据库运行完整性和外键检查（同 crm-desktop check）</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Wait until the backup or restore under way has finished.</source>
        <translation>请等待正在进行的备份或恢复完成。</translation>
    </message>
    <message>
        <source>{folder}  (default)</source>
        <translation>{folder}（默认）</translation>
    </message>
    <message>
        <source>The folder {folder} is not there (is the drive plugged in?). Automatic backups go to the default folder until it is back.</source>
        <translation>找不到文件夹 {folder}（驱动器是否已连接？）。在其恢复之前，自动备份会保存到默认文件夹。</translation>
    </message>
    <message>
        <source>No backups yet: click Back up now.</source>
        <translation>还没有备份：请点击“立即备份”。</translation>
    </message>
    <message>
        <source>{what} — made {reason}</source>
        <translation>{what} — 创建于{reason}</translation>
    </message>
    <message>
        <source>Damaged: {problem}</source>
        <translation>已损坏：{problem}</translation>
    </message>
    <message>
        <source>Not verified yet: click Verify before relying on it.</source>
        <translation>尚未验证：在依赖它之前请点击“验证”。</translation>
    </message>
    <message>
        <source>fully</source>
        <translation>完整</translation>
    </message>
    <message>
        <source>after it was made</source>
        <translation>在创建后</translation>
    </message>
    <message>
        <source>Verified {level} on {local_time}.</source>
        <translation>已于 {local_time} {level}验证。</translation>
    </message>
    <message>
        <source>Backing up and verifying…</source>
        <translation>正在备份并验证…</translation>
    </message>
    <message>
        <source>Backed up to {name} ({headline}), verified.</source>
        <translation>已备份到 {name}（{headline}），并已验证。</translation>
    </message>
    <message>
        <source>Backing up</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Checking {name}…</source>
        <translation>正在检查 {name}…</translation>
    </message>
    <message>
        <source>{name} passed the full check.</source>
        <translation>{name} 已通过完整检查。</translation>
    </message>
    <message>
        <source>{name} is damaged: {problem}</source>
        <translation>{name} 已损坏：{problem}</translation>
    </message>
    <message>
        <source>Verifying the backup</source>
        <translation>验证备份</translation>
    </message>
    <message>
        <source>Restore from a backup file</source>
        <translation>从备份文件恢复</translation>
    </message>
    <message>
        <source>Restored {name}; the previous data is in a safety copy.</source>
        <translation>已从 {name} 恢复；之前的数据保存在安全副本中。</translation>
    </message>
    <message>
        <source>Integrity: {integrity}</source>
        <translation>完整性：{integrity}</translation>
    </message>
    <message>
        <source>Foreign keys: {state}</source>
        <translation>外键：{state}</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Schema version: {version}</source>
        <translation>架构版本：{version}</translation>
    </message>
    <message>
        <source>Not the structure CRM Desktop makes: {problem}</source>
        <translation>不是 CRM Desktop 创建的结构：{problem}</translation>
    </message>
    <message>
        <source>Text that is not valid UTF-8 in: {shown}</source>
        <translation>非有效 UTF-8 文本：{shown}</translation>
    </message>
    <message>
        <source>Database check</source>
        <translation>数据库检查</translation>
    </message>
    <message>
        <source>Checking the database</source>
        <translation>正在检查数据库</translation>
    </message>
    <message>
        <source>Showing the backup folder</source>
        <translation>显示备份文件夹</translation>
    </message>
    <message>
        <source>{folder} does not exist.</source>
        <translation>{folder} 不存在。</translation>
    </message>
    <message>
        <source>Choose the backup folder</source>
        <translation>选择备份文件夹</translation>
    </message>
    <message>
        <source>Changing the backup folder</source>
        <translation>更改备份文件夹</translation>
    </message>
    <message>
        <source>Backups now go to {chosen}.</source>
        <translation>备份现在保存到 {chosen}。</translation>
    </message>
</context>
<context>
    <name>CampaignForm</name>
    <message>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Customer to add</source>
        <translation>要添加的客户</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>移除所选</translation>
    </message>
    <message numerus="yes">
        <source>Members (%Ln)</source>
        <translation>
            <numerusform>成员（%Ln）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Card</name>
    <message>
        <source>{shown} of {total}</source>
        <translation>{shown} / {total}</translation>
    </message>
</context>
<context>
    <name>CloseDealDialog</name>
    <message>
        <source>Deal won</source>
        <translation>商机赢单</translation>
    </message>
    <message>
        <source>Deal lost</source>
        <translation>商机丢单</translation>
    </message>
    <message>
        <source>Mark “{short}” as won.</source>
        <translation>将“{short}”标记为赢单。</translation>
    </message>
    <message>
        <source>Mark “{short}” as lost.</source>
        <translation>将“{short}”标记为丢单。</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>成交日期</translation>
    </message>
    <message>
        <source>Closed on:</source>
        <translation>成交日期：</translation>
    </message>
    <message>
        <source>e.g. price, timing, chose a competitor</source>
        <translation>例如：价格、时间、选择了竞争对手</translation>
    </message>
    <message>
        <source>Lost reason</source>
        <translation>丢单原因</translation>
    </message>
    <message>
        <source>Why was it lost?</source>
        <translation>为什么丢单？</translation>
    </message>
    <message>
        <source>Mark as won</source>
        <translation>标记为赢单</translation>
    </message>
    <message>
        <source>Mark as lost</source>
        <translation>标记为丢单</translation>
    </message>
</context>
<context>
    <name>ConfirmRestoreDialog</name>
    <message>
        <source>Restore this backup?</source>
        <translation>恢复此备份？</translation>
    </message>
    <message>
        <source>&lt;b&gt;Restore the backup of {local_time}?&lt;/b&gt;</source>
        <translation>&lt;b&gt;恢复 {local_time} 的备份？&lt;/b&gt;</translation>
    </message>
    <message>
        <source>All current data is replaced by what the backup holds. A safety copy of the current data is made first and listed with the backups: restoring that copy brings today's data back.</source>
        <translation>当前所有数据将被备份中的内容替换。系统会先为当前数据创建一个安全副本并列在备份中：恢复该副本即可找回今天的数据。</translation>
    </message>
    <message>
        <source>The backup was made by an older version of CRM Desktop (schema {migrated_from}); it was upgraded on a copy and passed its checks.</source>
        <translation>该备份由旧版 CRM Desktop 创建（架构 {migrated_from}）；已在副本上升级并通过检查。</translation>
    </message>
    <message>
        <source>The current data could not be counted: {current_problem}.</source>
        <translation>无法统计当前数据：{current_problem}。</translation>
    </message>
    <message>
        <source>Restore it anyway: I have read the warning above</source>
        <translation>仍然恢复：我已阅读上面的警告</translation>
    </message>
    <message>
        <source>In the backup</source>
        <translation>备份中</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
</context>
<context>
    <name>ContactCombo</name>
    <message>
        <source>— no contact —</source>
        <translation>— 无联系人 —</translation>
    </message>
</context>
<context>
    <name>ContactForm</name>
    <message>
        <source>&amp;Personal data</source>
        <translation>个人数据(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Export personal data…</source>
        <translation>导出个人数据(&amp;E)…</translation>
    </message>
    <message>
        <source>E&amp;rase this person…</source>
        <translation>清除此人数据(&amp;R)…</translation>
    </message>
</context>
<context>
    <name>ConversionFlow</name>
    <message>
        <source>Encrypting the database</source>
        <translation>正在加密数据库</translation>
    </message>
    <message>
        <source>Decrypting the database</source>
        <translation>正在解密数据库</translation>
    </message>
    <message>
        <source>Making a verified backup, then the converted copy…</source>
        <translation>正在创建经过校验的备份，然后是转换后的副本…</translation>
    </message>
</context>
<context>
    <name>CountryBox</name>
    <message>
        <source>Country</source>
        <translation>国家</translation>
    </message>
</context>
<context>
    <name>CustomFilter</name>
    <message>
        <source>{field}:</source>
        <translation>{field}：</translation>
    </message>
    <message>
        <source>any</source>
        <translation>任意</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>from</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <source>contains</source>
        <translation>包含</translation>
    </message>
    <message>
        <source>Remove the filter on “{field}”</source>
        <translation>移除“{field}”的筛选</translation>
    </message>
    <message>
        <source>Show only records whose “{field}” matches</source>
        <translation>只显示“{field}”符合条件的记录</translation>
    </message>
</context>
<context>
    <name>CustomerDetailPage</name>
    <message>
        <source>← Back</source>
        <translation>← 返回</translation>
    </message>
    <message>
        <source>Back (Alt+Left)</source>
        <translation>返回（Alt+左箭头）</translation>
    </message>
    <message>
        <source>Ed&amp;it customer</source>
        <translation>编辑客户(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Personal data</source>
        <translation>个人数据(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Export personal data…</source>
        <translation>导出个人数据(&amp;E)…</translation>
    </message>
    <message>
        <source>E&amp;rase this person…</source>
        <translation>清除此人数据(&amp;R)…</translation>
    </message>
    <message>
        <source>Log &amp;call</source>
        <translation>记录电话(&amp;C)</translation>
    </message>
    <message>
        <source>Log &amp;meeting</source>
        <translation>记录会议(&amp;M)</translation>
    </message>
    <message>
        <source>Add &amp;note</source>
        <translation>添加备注(&amp;N)</translation>
    </message>
    <message>
        <source>Add tas&amp;k</source>
        <translation>添加任务(&amp;K)</translation>
    </message>
    <message>
        <source>New &amp;deal</source>
        <translation>新建商机(&amp;D)</translation>
    </message>
    <message>
        <source>New &amp;order</source>
        <translation>新建订单(&amp;O)</translation>
    </message>
    <message>
        <source>Add cont&amp;act</source>
        <translation>添加联系人(&amp;A)</translation>
    </message>
    <message>
        <source>New &amp;service case</source>
        <translation>新建服务工单(&amp;S)</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>This customer does not exist any more.</source>
        <translation>该客户已不存在。</translation>
    </message>
    <message>
        <source>Opening: {what}</source>
        <translation>正在打开：{what}</translation>
    </message>
</context>
<context>
    <name>CustomerHeader</name>
    <message>
        <source>This customer is in the trash. Restore it from the Trash.</source>
        <translation>该客户在回收站中。请从回收站恢复。</translation>
    </message>
    <message>
        <source>Status: {label}</source>
        <translation>状态：{label}</translation>
    </message>
    <message>
        <source>+{value} more</source>
        <translation>另有 {value} 个</translation>
    </message>
    <message>
        <source>Primary contact: {contact}</source>
        <translation>主要联系人：{contact}</translation>
    </message>
    <message>
        <source>No contacts yet</source>
        <translation>暂无联系人</translation>
    </message>
</context>
<context>
    <name>CustomerPicker</name>
    <message>
        <source>Type a name, email or phone…</source>
        <translation>输入名称、邮箱或电话…</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <source>No date</source>
        <translation>无日期</translation>
    </message>
    <message>
        <source>Clear the date</source>
        <translation>清除日期</translation>
    </message>
</context>
<context>
    <name>DateRange</name>
    <message>
        <source>Show only records whose {lower} date is in a range</source>
        <translation>仅显示{lower}日期在某一范围内的记录</translation>
    </message>
    <message>
        <source>{label}: {period}</source>
        <translation>{label}：{period}</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到</translation>
    </message>
</context>
<context>
    <name>DateWords</name>
    <message>
        <source>today, tomorrow, friday, next week, +3d, in 2 weeks, or a date</source>
        <translation>今天、明天、周五、下周、+3d、两周后或某个日期</translation>
    </message>
    <message>
        <source>Type a date in words: {hint}</source>
        <translation>用文字输入日期：{hint}</translation>
    </message>
    <message>
        <source>Date in words</source>
        <translation>文字日期</translation>
    </message>
    <message>
        <source>Quick dates: today, tomorrow, Friday, next week…</source>
        <translation>快速日期：今天、明天、周五、下周…</translation>
    </message>
    <message>
        <source>Quick dates</source>
        <translation>快速日期</translation>
    </message>
    <message>
        <source>Type a date in words…</source>
        <translation>用文字输入日期…</translation>
    </message>
    <message>
        <source>Not a date. Try: {hint}</source>
        <translation>不是日期。可以试试：{hint}</translation>
    </message>
</context>
<context>
    <name>DealCardModel</name>
    <message>
        <source>Lost: {value}</source>
        <translation>丢单：{value}</translation>
    </message>
</context>
<context>
    <name>DealCombo</name>
    <message>
        <source>— no deal —</source>
        <translation>— 无商机 —</translation>
    </message>
</context>
<context>
    <name>DealsPage</name>
    <message>
        <source>Table</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>Show the deals as a table</source>
        <translation>以表格显示商机</translation>
    </message>
    <message>
        <source>Board</source>
        <translation>看板</translation>
    </message>
    <message>
        <source>Show the pipeline board: one column a stage</source>
        <translation>显示销售漏斗看板：每个阶段一列</translation>
    </message>
</context>
<context>
    <name>DuplicatesView</name>
    <message>
        <source>&lt;b&gt;Find duplicates&lt;/b&gt; — customers entered twice: the same email or phone, or very similar names in the same city.</source>
        <translation>&lt;b&gt;查找重复&lt;/b&gt; — 被录入两次的客户：相同的邮箱或电话，或同一城市中非常相似的名称。</translation>
    </message>
    <message>
        <source>Find duplicates</source>
        <translation>查找重复</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Press “Find duplicates” to look through the customers.</source>
        <translation>点击“查找重复”来检查客户。</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>合并…</translation>
    </message>
    <message>
        <source>Looking for duplicates…</source>
        <translation>正在查找重复…</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <source>Finding duplicates</source>
        <translation>查找重复</translation>
    </message>
    <message>
        <source>No duplicates found.</source>
        <translation>未找到重复。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln group(s) of likely duplicates (showing the first {shown}).</source>
        <translation>
            <numerusform>%Ln 组可能的重复（显示前 {shown} 组）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln group(s) of likely duplicates.</source>
        <translation>
            <numerusform>%Ln 组可能的重复。</numerusform>
        </translation>
    </message>
    <message>
        <source>These customers changed meanwhile; find duplicates again.</source>
        <translation>这些客户在此期间已更改；请重新查找重复。</translation>
    </message>
    <message numerus="yes">
        <source>Merged %n into “{name}” ({moved} moved). Undo it from File → Import history.</source>
        <translation>
            <numerusform>已将 %n 条记录合并到“{name}”（已转移 {moved}）。可在 文件 → 导入历史 中撤销。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Merged %n into “{name}”. Undo it from File → Import history.</source>
        <translation>
            <numerusform>已将 %n 条记录合并到“{name}”。可在 文件 → 导入历史 中撤销。</numerusform>
        </translation>
    </message>
    <message>
        <source>Merging customers</source>
        <translation>正在合并客户</translation>
    </message>
</context>
<context>
    <name>Encryption</name>
    <message>
        <source>En&amp;cryption…</source>
        <translation>加密(&amp;C)…</translation>
    </message>
    <message>
        <source>Encrypt the database on this laptop's disk, or show its recovery key</source>
        <translation>加密本机磁盘上的数据库，或显示其恢复密钥</translation>
    </message>
</context>
<context>
    <name>EncryptionDialog</name>
    <message>
        <source>Encryption</source>
        <translation>加密</translation>
    </message>
    <message>
        <source>Encrypt…</source>
        <translation>加密…</translation>
    </message>
    <message>
        <source>Stop encrypting…</source>
        <translation>停止加密…</translation>
    </message>
    <message>
        <source>Show recovery key…</source>
        <translation>显示恢复密钥…</translation>
    </message>
    <message>
        <source>This installation cannot encrypt: its SQLCipher library is missing. Reinstall CRM Desktop.</source>
        <translation>此安装无法加密：缺少 SQLCipher 库。请重新安装 CRM Desktop。</translation>
    </message>
    <message>
        <source>The database is not encrypted: anyone who gets this laptop's disk, or a copy of the file, can read it. Encrypting keeps the key in this computer's keyring and gives you a recovery key to print.</source>
        <translation>数据库未加密：任何拿到这台笔记本的磁盘或文件副本的人都能读取。加密后，密钥保存在这台电脑的钥匙串中，并给您一个可打印的恢复密钥。</translation>
    </message>
    <message>
        <source>The database is encrypted (AES-256, SQLCipher). Looking for its key in this computer's keyring…</source>
        <translation>数据库已加密（AES-256，SQLCipher）。正在此电脑的钥匙串中查找其密钥…</translation>
    </message>
    <message>
        <source>The database is encrypted (AES-256, SQLCipher). Its key is kept in this computer's keyring; the recovery key opens it anywhere else. Backups made from now on are encrypted too.</source>
        <translation>数据库已加密（AES-256，SQLCipher）。密钥保存在这台电脑的钥匙串中；在其他任何地方用恢复密钥打开。今后创建的备份也会加密。</translation>
    </message>
    <message>
        <source>The database is encrypted. Its key is not kept on this computer: you type the recovery key each time it opens.</source>
        <translation>数据库已加密。密钥未保存在这台电脑上：每次打开时都需输入恢复密钥。</translation>
    </message>
    <message>
        <source>Stop encrypting</source>
        <translation>停止加密</translation>
    </message>
    <message>
        <source>The database will be stored readable by anyone who has the file. A verified backup is made first. Go on?</source>
        <translation>数据库将以任何拿到文件的人都能读取的方式保存。会先创建一份经过校验的备份。继续吗？</translation>
    </message>
    <message>
        <source>The database is now encrypted.</source>
        <translation>数据库现已加密。</translation>
    </message>
    <message>
        <source>The database is stored unencrypted again.</source>
        <translation>数据库已恢复为不加密保存。</translation>
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message>
        <source>New field</source>
        <translation>新字段</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>e.g. VAT number, Birthday, Preferred courier</source>
        <translation>例如：税号、生日、首选快递</translation>
    </message>
    <message>
        <source>One choice a line</source>
        <translation>每行一个选项</translation>
    </message>
    <message>
        <source>Search finds customers by this field</source>
        <translation>搜索可按此字段查找客户</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Choices</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>Saving the field</source>
        <translation>保存字段</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>FieldsPage</name>
    <message>
        <source>Custom fields</source>
        <translation>自定义字段</translation>
    </message>
    <message>
        <source>Add field…</source>
        <translation>添加字段…</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>更改…</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Your own fields show in the forms, as list columns (right-click a list's header), in exports and in the import's mapping. Changes apply at once; a deleted field goes to the trash with its values.</source>
        <translation>自定义字段显示在表单中、列表列中（右键单击列表标题）、导出文件中以及导入的字段映射中。更改立即生效；删除的字段连同其值一起移入回收站。</translation>
    </message>
    <message>
        <source>Fields of</source>
        <translation>字段所属</translation>
    </message>
    <message>
        <source>searchable</source>
        <translation>可搜索</translation>
    </message>
    <message>
        <source>Field added.</source>
        <translation>字段已添加。</translation>
    </message>
    <message>
        <source>Field changed; its values are kept.</source>
        <translation>字段已更改；其值已保留。</translation>
    </message>
    <message>
        <source>Moving the field</source>
        <translation>移动字段</translation>
    </message>
    <message>
        <source>Deleting the field</source>
        <translation>删除字段</translation>
    </message>
    <message>
        <source>“{name}” is in the trash with its values.</source>
        <translation>“{name}”及其值已移入回收站。</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Import: choose a file</source>
        <translation>导入：选择文件</translation>
    </message>
    <message>
        <source>CSV (any encoding, comma, semicolon or tab), Excel .xlsx, or vCards (.vcf).</source>
        <translation>CSV（任意编码，逗号、分号或制表符分隔）、Excel .xlsx 或 vCard（.vcf）。</translation>
    </message>
    <message>
        <source>Import:</source>
        <translation>导入：</translation>
    </message>
    <message>
        <source>The file to import</source>
        <translation>要导入的文件</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Columns named as in:</source>
        <translation>列名格式：</translation>
    </message>
    <message>
        <source>Import from</source>
        <translation>导入自</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Search {plural}…  (Ctrl+F)</source>
        <translation>搜索{plural}…（Ctrl+F）</translation>
    </message>
    <message>
        <source>Search {plural}</source>
        <translation>搜索{plural}</translation>
    </message>
    <message>
        <source>Field filter</source>
        <translation>按字段筛选</translation>
    </message>
    <message>
        <source>Filter by one of your own fields</source>
        <translation>按您自己的字段筛选</translation>
    </message>
    <message>
        <source>Show only {plural} of one {lower}</source>
        <translation>仅显示某一{lower}的{plural}</translation>
    </message>
    <message>
        <source>Any {lower}</source>
        <translation>任意{lower}</translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation>任意标签</translation>
    </message>
</context>
<context>
    <name>ImportHistoryDialog</name>
    <message>
        <source>Import history</source>
        <translation>导入历史</translation>
    </message>
    <message>
        <source>Undo this import</source>
        <translation>撤销此次导入</translation>
    </message>
    <message>
        <source>undone {day}</source>
        <translation>已于 {day} 撤销</translation>
    </message>
    <message>
        <source>Nothing was imported yet.</source>
        <translation>尚未导入任何内容。</translation>
    </message>
    <message>
        <source>Undo this merge</source>
        <translation>撤销此次合并</translation>
    </message>
    <message>
        <source>The merged customers come back and their records move back to them.</source>
        <translation>被合并的客户将恢复，其记录也会移回给他们。</translation>
    </message>
    <message>
        <source>Records it created go to the trash; fields it changed get their old values back, unless they were changed since.</source>
        <translation>由其创建的记录将移到回收站；被其更改的字段将恢复原值，除非之后又被修改过。</translation>
    </message>
    <message>
        <source>Undo: {describe}?</source>
        <translation>撤销：{describe}？</translation>
    </message>
    <message>
        <source>Undone: {summary}</source>
        <translation>已撤销：{summary}</translation>
    </message>
    <message>
        <source>Undoing</source>
        <translation>正在撤销</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Reading the file</source>
        <translation>读取文件</translation>
    </message>
    <message>
        <source>The import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>The import did not work.</source>
        <translation>导入未成功。</translation>
    </message>
    <message>
        <source>Importing {name}</source>
        <translation>正在导入 {name}</translation>
    </message>
    <message>
        <source>The import was cancelled.</source>
        <translation>导入已取消。</translation>
    </message>
</context>
<context>
    <name>InvoiceDialog</name>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>税额</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Paid on</source>
        <translation>付款日期</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>&amp;Record payment…</source>
        <translation>登记付款(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Delete payment</source>
        <translation>删除付款(&amp;D)</translation>
    </message>
    <message>
        <source>Cancel with credit &amp;note…</source>
        <translation>开具红字发票作废(&amp;N)…</translation>
    </message>
    <message>
        <source>Save &amp;PDF…</source>
        <translation>保存 PDF(&amp;P)…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Payments&lt;/b&gt;</source>
        <translation>&lt;b&gt;付款&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Net {money}</source>
        <translation>不含税 {money}</translation>
    </message>
    <message>
        <source>tax {rate}% on {net}: {tax}</source>
        <translation>税率 {rate}%，税基 {net}：{tax}</translation>
    </message>
    <message>
        <source>Total {money}</source>
        <translation>合计 {money}</translation>
    </message>
    <message>
        <source>Deleting the payment</source>
        <translation>正在删除付款</translation>
    </message>
    <message>
        <source>Payment of {amount} on {number} moved to the trash.</source>
        <translation>{number} 的付款 {amount} 已移到回收站。</translation>
    </message>
</context>
<context>
    <name>InvoicePrinter</name>
    <message>
        <source>Save the invoice as</source>
        <translation>将发票另存为</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message numerus="yes">
        <source>Save %Ln invoice(s) in</source>
        <translation>
            <numerusform>将 %Ln 张发票保存到</numerusform>
        </translation>
    </message>
    <message>
        <source>Invoice saved</source>
        <translation>发票已保存</translation>
    </message>
    <message>
        <source>The invoice was saved as {name}.

Open it now?</source>
        <translation>发票已保存为 {name}。

现在打开吗？</translation>
    </message>
    <message>
        <source>Select one or more orders to print their invoices.</source>
        <translation>请选择一个或多个订单以打印其发票。</translation>
    </message>
    <message>
        <source>Writing {name}…</source>
        <translation>正在写入 {name}…</translation>
    </message>
    <message>
        <source>Save invoice</source>
        <translation>保存发票</translation>
    </message>
    <message>
        <source>Invoice saved as {value}.</source>
        <translation>发票已保存为 {value}。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln invoice(s) saved in {folder}.</source>
        <translation>
            <numerusform>已将 %Ln 张发票保存到 {folder}。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LanguageBox</name>
    <message>
        <source>Language of the window</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>As the system ({language})</source>
        <translation>跟随系统（{language}）</translation>
    </message>
</context>
<context>
    <name>LinesTable</name>
    <message>
        <source>Order lines</source>
        <translation>订单明细</translation>
    </message>
</context>
<context>
    <name>ListCommands</name>
    <message>
        <source>Moving {count_text} to the trash</source>
        <translation>正在将{count_text}移到回收站</translation>
    </message>
    <message>
        <source>Setting the {lower}</source>
        <translation>正在设置{lower}</translation>
    </message>
    <message>
        <source>Add tag</source>
        <translation>添加标签</translation>
    </message>
    <message>
        <source>Remove tag</source>
        <translation>移除标签</translation>
    </message>
    <message>
        <source>Tag to add to {what}:</source>
        <translation>要添加到{what}的标签：</translation>
    </message>
    <message>
        <source>Tag to remove from {what}:</source>
        <translation>要从{what}移除的标签：</translation>
    </message>
    <message>
        <source>Tagging</source>
        <translation>正在添加标签</translation>
    </message>
    <message numerus="yes">
        <source>Restored %Ln record(s).</source>
        <translation>
            <numerusform>已恢复 %Ln 条记录。</numerusform>
        </translation>
    </message>
    <message>
        <source>Restoring from the trash</source>
        <translation>正在从回收站恢复</translation>
    </message>
    <message>
        <source>Delete for good</source>
        <translation>永久删除</translation>
    </message>
    <message>
        <source>Delete {what} for good? This cannot be undone.</source>
        <translation>永久删除{what}？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Deleting for good</source>
        <translation>正在永久删除</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %Ln record(s) for good.</source>
        <translation>
            <numerusform>已永久删除 %Ln 条记录。</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete everything in the trash for good? This cannot be undone.</source>
        <translation>永久删除回收站中的全部内容？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Empty trash</source>
        <translation>清空回收站</translation>
    </message>
    <message>
        <source>Emptying the trash</source>
        <translation>正在清空回收站</translation>
    </message>
    <message numerus="yes">
        <source>The trash is empty: %Ln record(s) deleted for good.</source>
        <translation>
            <numerusform>回收站已清空：永久删除了 %Ln 条记录。</numerusform>
        </translation>
    </message>
    <message>
        <source>Undoing: {label}</source>
        <translation>正在撤销：{label}</translation>
    </message>
    <message>
        <source>Undone: {label}.</source>
        <translation>已撤销：{label}。</translation>
    </message>
    <message>
        <source>Complete “{title}”</source>
        <translation>完成“{title}”</translation>
    </message>
    <message>
        <source>Done: {title}</source>
        <translation>已完成：{title}</translation>
    </message>
    <message>
        <source>Set &amp;{lower}</source>
        <translation>设置{lower}(&amp;S)</translation>
    </message>
</context>
<context>
    <name>ListModel</name>
    <message>
        <source>{title}: this column cannot be sorted.</source>
        <translation>{title}：此列无法排序。</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <source>{command} (Ctrl+N)</source>
        <translation>{command}（Ctrl+N）</translation>
    </message>
    <message>
        <source>Loading the {plural}</source>
        <translation>正在加载{plural}</translation>
    </message>
    <message>
        <source>{count}+ {things} (counting…)</source>
        <translation>{things}：{count}+（正在计数…）</translation>
    </message>
    <message>
        <source>No {plural} match “{search}”.</source>
        <translation>没有与“{search}”匹配的{plural}。</translation>
    </message>
    <message>
        <source>No {plural} match these filters.</source>
        <translation>没有符合这些筛选条件的{plural}。</translation>
    </message>
    <message>
        <source>No {plural} yet. Press Ctrl+N to add one.</source>
        <translation>还没有{plural}。按 Ctrl+N 添加。</translation>
    </message>
    <message>
        <source>No {plural}.</source>
        <translation>没有{plural}。</translation>
    </message>
</context>
<context>
    <name>LocaleSetupDialog</name>
    <message>
        <source>Welcome to CRM Desktop</source>
        <translation>欢迎使用 CRM Desktop</translation>
    </message>
    <message>
        <source>A few questions to set the app up for your business. You can change every answer later in Preferences.</source>
        <translation>回答几个问题，让本应用适合您的业务。每个答案以后都可以在“偏好设置”中更改。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家/地区</translation>
    </message>
    <message>
        <source>Company name</source>
        <translation>公司名称</translation>
    </message>
    <message>
        <source>As it appears on your invoices</source>
        <translation>与发票上显示的一致</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>Country:</source>
        <translation>国家/地区：</translation>
    </message>
    <message>
        <source>Company name:</source>
        <translation>公司名称：</translation>
    </message>
    <message>
        <source>Phone numbers of {region}, amounts in {currency} ({example}), dates as {date}</source>
        <translation>电话号码按{region}格式，金额以 {currency} 计（{example}），日期格式为 {date}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Set &amp;status</source>
        <translation>设置状态(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Undo {what}</source>
        <translation>撤销(&amp;U)：{what}</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;New record</source>
        <translation>新建记录(&amp;N)</translation>
    </message>
    <message>
        <source>Set &amp;{lower}</source>
        <translation>设置{lower}(&amp;S)</translation>
    </message>
    <message>
        <source>Building the search index</source>
        <translation>正在建立搜索索引</translation>
    </message>
    <message>
        <source>Checking the search index</source>
        <translation>正在检查搜索索引</translation>
    </message>
    <message>
        <source>Updating the search index and sort order: {done} of {total}</source>
        <translation>正在更新搜索索引和排序：{done} / {total}</translation>
    </message>
    <message numerus="yes">
        <source>Sample data loaded: %Ln customer(s).</source>
        <translation>
            <numerusform>示例数据已加载：%Ln 个客户。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Import: columns</source>
        <translation>导入：列</translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation>编码：</translation>
    </message>
    <message>
        <source>How the file's bytes are read as text. If names look garbled below, choose another encoding: the file is read again.</source>
        <translation>文件字节如何解读为文本。如果下方名称显示为乱码，请选择其他编码：文件会重新读取。</translation>
    </message>
    <message>
        <source>Phone numbers without +code are from:</source>
        <translation>不带 +国家代码 的电话号码属于：</translation>
    </message>
    <message>
        <source>The country whose numbers are written without a country code in this file.</source>
        <translation>此文件中未写国家代码的号码所属的国家/地区。</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>Import as</source>
        <translation>导入为</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;{file}&lt;/b&gt; — {format}, {details}; %Ln row(s) to import as {noun}</source>
        <translation>
            <numerusform>&lt;b&gt;{file}&lt;/b&gt; — {format}，{details}；%Ln 行将作为{noun}导入</numerusform>
        </translation>
    </message>
    <message>
        <source> (no header row: columns named by position)</source>
        <translation>（无标题行：列按位置命名）</translation>
    </message>
    <message>
        <source>. Change what a column is imported as in the list; the preview below follows.</source>
        <translation>。可在列表中更改每列的导入方式；下方预览会随之更新。</translation>
    </message>
    <message>
        <source> Skipped above the header: “{lines}”.</source>
        <translation> 标题上方已跳过：“{lines}”。</translation>
    </message>
    <message>
        <source>— (a workbook)</source>
        <translation>—（工作簿）</translation>
    </message>
    <message>
        <source>{encoding} (detected)</source>
        <translation>{encoding}（已检测）</translation>
    </message>
    <message>
        <source>{encoding} (chosen)</source>
        <translation>{encoding}（已选择）</translation>
    </message>
    <message numerus="yes">
        <source>First %Ln row(s): {new} new, {duplicates} duplicates, {refused} refused</source>
        <translation>
            <numerusform>前 %Ln 行：新建 {new}，重复 {duplicates}，拒绝 {refused}</numerusform>
        </translation>
    </message>
    <message>
        <source>; {kept} values kept as written in the notes (⚠, orange cells).</source>
        <translation>；{kept} 个值按原样保存在备注中（⚠，橙色单元格）。</translation>
    </message>
    <message>
        <source>the description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>the notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>&lt;b&gt;Kept in {notes}&lt;/b&gt; as “Header: value”: {escape}.</source>
        <translation>&lt;b&gt;以“标题：值”形式保存在{notes}中&lt;/b&gt;：{escape}。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not imported:&lt;/b&gt; {escape}.</source>
        <translation>&lt;b&gt;不导入：&lt;/b&gt;{escape}。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not kept from the cards:&lt;/b&gt; {escape}.</source>
        <translation>&lt;b&gt;名片中未保留：&lt;/b&gt;{escape}。</translation>
    </message>
    <message>
        <source>Every column goes into a field.</source>
        <translation>每一列都会导入到某个字段。</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>Merge customers</source>
        <translation>合并客户</translation>
    </message>
    <message>
        <source>Choose the customer that stays and, for each field, the value it keeps. The others' contacts, orders, deals, tasks, interactions, service cases, campaigns and tags move to it; they go to the trash. The import history can undo the merge.</source>
        <translation>选择要保留的客户，并为每个字段选择要保留的值。其他客户的联系人、订单、商机、任务、沟通记录、服务工单、营销活动和标签将转移给该客户，其他客户则移到回收站。可在导入历史中撤销合并。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Keep&lt;/b&gt;</source>
        <translation>&lt;b&gt;保留&lt;/b&gt;</translation>
    </message>
    <message>
        <source>this one (#{id})</source>
        <translation>此项（#{id}）</translation>
    </message>
    <message>
        <source>Has</source>
        <translation>拥有</translation>
    </message>
    <message>
        <source>{counts}; tags: {tags}</source>
        <translation>{counts}；标签：{tags}</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
</context>
<context>
    <name>MoneyEdit</name>
    <message>
        <source>Amount in {currency}</source>
        <translation>金额（{currency}）</translation>
    </message>
</context>
<context>
    <name>OpeningPage</name>
    <message>
        <source>Opening {escape}…</source>
        <translation>正在打开 {escape}…</translation>
    </message>
</context>
<context>
    <name>OrderForm</name>
    <message>
        <source>Unit prices include tax</source>
        <translation>单价含税</translation>
    </message>
    <message>
        <source>Prices</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>明细行</translation>
    </message>
    <message>
        <source>Problems in the lines</source>
        <translation>明细行中的问题</translation>
    </message>
    <message>
        <source>&amp;Add line</source>
        <translation>添加行(&amp;A)</translation>
    </message>
    <message>
        <source>Add a line (Insert)</source>
        <translation>添加一行（Insert）</translation>
    </message>
    <message>
        <source>&amp;Remove line</source>
        <translation>删除行(&amp;R)</translation>
    </message>
    <message>
        <source>Remove the current line (Ctrl+Delete)</source>
        <translation>删除当前行（Ctrl+Delete）</translation>
    </message>
    <message>
        <source>Net and tax</source>
        <translation>不含税金额与税额</translation>
    </message>
    <message>
        <source>Total:</source>
        <translation>合计：</translation>
    </message>
    <message>
        <source>Order total</source>
        <translation>订单合计</translation>
    </message>
    <message>
        <source>automatic ({number_pattern})</source>
        <translation>自动（{number_pattern}）</translation>
    </message>
    <message>
        <source>Net {money}</source>
        <translation>不含税 {money}</translation>
    </message>
    <message>
        <source>tax {rate}% {money}</source>
        <translation>税 {rate}% {money}</translation>
    </message>
</context>
<context>
    <name>OrderLinesModel</name>
    <message>
        <source>Unit price ({currency}, incl. tax)</source>
        <translation>单价（{currency}，含税）</translation>
    </message>
    <message>
        <source>Unit price ({currency})</source>
        <translation>单价（{currency}）</translation>
    </message>
</context>
<context>
    <name>OverdueNotice</name>
    <message numerus="yes">
        <source>%Ln invoice(s) overdue: {owed} owed since {since}</source>
        <translation>
            <numerusform>%Ln 张发票逾期：自 {since} 起欠款 {owed}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln invoice(s) overdue: {owed} owed</source>
        <translation>
            <numerusform>%Ln 张发票逾期：欠款 {owed}</numerusform>
        </translation>
    </message>
    <message>
        <source>⚠ {escape} — &lt;a href='show'&gt;Show&lt;/a&gt;</source>
        <translation>⚠ {escape} — &lt;a href='show'&gt;查看&lt;/a&gt;</translation>
    </message>
</context>
<context>
    <name>PaymentForm</name>
    <message>
        <source>Invoice:</source>
        <translation>发票：</translation>
    </message>
    <message>
        <source>Amount ({currency})</source>
        <translation>金额（{currency}）</translation>
    </message>
    <message>
        <source>{number} · {buyer_name} · {money}, {money2} to pay</source>
        <translation>{number} · {buyer_name} · {money}，待付 {money2}</translation>
    </message>
    <message>
        <source>At most {money}: the rest of the invoice.</source>
        <translation>最多 {money}：发票的剩余金额。</translation>
    </message>
    <message>
        <source>A payment is more than zero.</source>
        <translation>付款金额必须大于零。</translation>
    </message>
</context>
<context>
    <name>PersonData</name>
    <message>
        <source>customer record</source>
        <translation>客户记录</translation>
    </message>
    <message>
        <source>contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>tag links</source>
        <translation>标签关联</translation>
    </message>
    <message>
        <source>deals</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>order lines</source>
        <translation>订单明细</translation>
    </message>
    <message>
        <source>quotes</source>
        <translation>报价单</translation>
    </message>
    <message>
        <source>quote lines</source>
        <translation>报价明细</translation>
    </message>
    <message>
        <source>tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>calls, meetings and notes</source>
        <translation>电话、会议和备注</translation>
    </message>
    <message>
        <source>service cases</source>
        <translation>服务工单</translation>
    </message>
    <message>
        <source>campaign memberships</source>
        <translation>营销活动成员资格</translation>
    </message>
    <message>
        <source>records in the trash</source>
        <translation>回收站中的记录</translation>
    </message>
    <message>
        <source>Export personal data</source>
        <translation>导出个人数据</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Exporting personal data</source>
        <translation>正在导出个人数据</translation>
    </message>
    <message>
        <source>Wrote {path}.</source>
        <translation>已写入 {path}。</translation>
    </message>
    <message>
        <source>• {when} UTC — {name} (could not be read: it may hold them)</source>
        <translation>• {when} UTC — {name}（无法读取：其中可能包含这些数据）</translation>
    </message>
    <message>
        <source>This deletes {what} “{name}” for good, with everything that belongs to them, not to the trash:</source>
        <translation>这将永久删除{what}“{name}”及其所有相关内容，不经过回收站：</translation>
    </message>
    <message>
        <source>Invoices {numbers} are kept: they are legal records.</source>
        <translation>发票 {numbers} 将保留：它们是法定记录。</translation>
    </message>
    <message>
        <source>These backups still hold them (delete them to erase them there too):</source>
        <translation>以下备份中仍有这些数据（删除这些备份即可一并清除）：</translation>
    </message>
    <message>
        <source>No backup holds them.</source>
        <translation>没有备份包含这些数据。</translation>
    </message>
    <message>
        <source>This cannot be undone.</source>
        <translation>此操作无法撤销。</translation>
    </message>
    <message>
        <source>Erase this person</source>
        <translation>清除此人数据</translation>
    </message>
    <message>
        <source>Erase “{name}” for good?</source>
        <translation>永久清除“{name}”？</translation>
    </message>
    <message>
        <source>Erase for good</source>
        <translation>永久清除</translation>
    </message>
    <message>
        <source>Erasing a person</source>
        <translation>正在清除个人数据</translation>
    </message>
</context>
<context>
    <name>PipelineBoard</name>
    <message>
        <source>Pipeline</source>
        <translation>销售漏斗</translation>
    </message>
    <message>
        <source>Drag a card to move a deal · Ctrl+←/→ moves the selected card</source>
        <translation>拖动卡片以移动商机 · Ctrl+←/→ 移动所选卡片</translation>
    </message>
    <message>
        <source>Loading the pipeline</source>
        <translation>正在加载销售漏斗</translation>
    </message>
    <message numerus="yes">
        <source>%Ln open deal(s)  ·  total {money}  ·  weighted forecast {forecast}</source>
        <translation>
            <numerusform>%Ln 个进行中的商机  ·  合计 {money}  ·  加权预测 {forecast}</numerusform>
        </translation>
    </message>
    <message>
        <source>Moving the deal</source>
        <translation>正在移动商机</translation>
    </message>
    <message>
        <source>Moved “%1” to %2.</source>
        <translation>已将“%1”移至%2。</translation>
    </message>
</context>
<context>
    <name>PolicyPage</name>
    <message>
        <source>Import: duplicates</source>
        <translation>导入：重复项</translation>
    </message>
    <message>
        <source>A row is a duplicate when it has the email or phone of an existing record, or the same name (customers: in the same city; contacts: at the same customer; products: the same SKU).</source>
        <translation>当某行的邮箱或电话与现有记录相同，或名称相同（客户：同一城市；联系人：同一客户；产品：相同 SKU）时，即视为重复。</translation>
    </message>
    <message>
        <source>Empty cells never erase anything, and tags are only added. Importing the same file twice creates nothing the second time. Every import can be undone from the import history.</source>
        <translation>空单元格不会清除任何内容，标签只会新增。同一文件导入两次，第二次不会新建任何记录。每次导入都可在导入历史中撤销。</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Your company (on invoices and reports)</source>
        <translation>您的公司（显示在发票和报表上）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Tax / VAT number</source>
        <translation>税号 / VAT 号</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>徽标</translation>
    </message>
    <message>
        <source>Money, dates and phone numbers</source>
        <translation>金额、日期和电话号码</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>货币</translation>
    </message>
    <message>
        <source>Locale</source>
        <translation>区域格式</translation>
    </message>
    <message>
        <source>Phone country</source>
        <translation>电话国家/地区</translation>
    </message>
    <message>
        <source>Paper size</source>
        <translation>纸张大小</translation>
    </message>
    <message>
        <source>Order numbers start with</source>
        <translation>订单编号前缀</translation>
    </message>
    <message>
        <source>Looks like</source>
        <translation>效果预览</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Choose a country from the list.</source>
        <translation>请从列表中选择国家。</translation>
    </message>
    <message>
        <source>Two letters, such as US, GB or RU.</source>
        <translation>两个字母，例如 US、GB 或 CN。</translation>
    </message>
    <message>
        <source>Three letters, such as USD, EUR or RUB.</source>
        <translation>三个字母，例如 USD、EUR 或 CNY。</translation>
    </message>
    <message>
        <source>Language and country, such as en_US, de_DE or ru_RU.</source>
        <translation>语言和国家/地区，例如 en_US、de_DE 或 zh_CN。</translation>
    </message>
    <message>
        <source>At most 20 characters.</source>
        <translation>最多 20 个字符。</translation>
    </message>
    <message>
        <source>The currency stays {currency}: the amounts already stored are in it.</source>
        <translation>货币仍为 {currency}：已保存的金额以此货币计。</translation>
    </message>
    <message>
        <source>Choose the company logo</source>
        <translation>选择公司徽标</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>图片 (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Cannot read {name}: {reason}.</source>
        <translation>无法读取 {name}：{reason}。</translation>
    </message>
    <message>
        <source>{name} is larger than 2 MB: choose a smaller image.</source>
        <translation>{name} 大于 2 MB：请选择更小的图片。</translation>
    </message>
    <message>
        <source>{name} is not a PNG or JPEG image.</source>
        <translation>{name} 不是 PNG 或 JPEG 图片。</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>无徽标</translation>
    </message>
    <message>
        <source>Saving the preferences</source>
        <translation>正在保存首选项</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Kept as written in the notes: {reasons}</source>
        <translation>按原样保存在备注中：{reasons}</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Print preview — %1</source>
        <translation>打印预览 — %1</translation>
    </message>
    <message>
        <source>Preparing %1 for printing</source>
        <translation>正在准备打印 %1</translation>
    </message>
</context>
<context>
    <name>ProductForm</name>
    <message>
        <source>default ({default})</source>
        <translation>默认（{default}）</translation>
    </message>
</context>
<context>
    <name>ProductPicker</name>
    <message>
        <source>Type a product name or SKU…</source>
        <translation>输入产品名称或 SKU…</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>已停用</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
</context>
<context>
    <name>QCoreApplication.self</name>
    <message>
        <source>The database has problems:

{lines}

Restore a verified backup, or keep working and back up elsewhere first.</source>
        <translation>数据库存在问题：

{lines}

请恢复一个已验证的备份，或先备份到其他位置再继续工作。</translation>
    </message>
    <message>
        <source>The database is healthy.

{lines}</source>
        <translation>数据库状况良好。

{lines}</translation>
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
</context>
<context>
    <name>QProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>QuickLogDialog</name>
    <message>
        <source>What was said, what comes next</source>
        <translation>谈了什么，下一步做什么</translation>
    </message>
</context>
<context>
    <name>QuoteForm</name>
    <message>
        <source>automatic ({pattern})</source>
        <translation>自动（{pattern}）</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>保存（Ctrl+S）</translation>
    </message>
    <message>
        <source>{caption_text} problem</source>
        <translation>{caption_text}：问题</translation>
    </message>
    <message>
        <source>{label} ({currency})</source>
        <translation>{label}（{currency}）</translation>
    </message>
    <message>
        <source>Fix first: {fields}</source>
        <translation>请先修正：{fields}</translation>
    </message>
    <message>
        <source>Saving: {label}</source>
        <translation>正在保存：{label}</translation>
    </message>
    <message>
        <source>Save your changes before closing?</source>
        <translation>关闭前保存更改吗？</translation>
    </message>
    <message>
        <source>If you don't save, your changes will be lost.</source>
        <translation>如果不保存，您的更改将会丢失。</translation>
    </message>
</context>
<context>
    <name>RecordTable</name>
    <message>
        <source>Nothing here yet.</source>
        <translation>这里还没有内容。</translation>
    </message>
    <message>
        <source>Reset columns</source>
        <translation>重置列</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>Print &amp;invoice…</source>
        <translation>打印发票(&amp;I)…</translation>
    </message>
    <message>
        <source>Print the selected orders' invoices (a preview, then the print dialog)</source>
        <translation>打印所选订单的发票（先预览，再打开打印对话框）</translation>
    </message>
    <message>
        <source>Save invoice as P&amp;DF…</source>
        <translation>将发票另存为 PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>Save the selected orders' invoices as PDF files</source>
        <translation>将所选订单的发票保存为 PDF 文件</translation>
    </message>
</context>
<context>
    <name>ReportsScreen</name>
    <message>
        <source>&lt;h2&gt;Reports&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;报表&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Sales reports for a period, as a PDF to print or send, or as a spreadsheet for your accountant. Every figure is computed from the orders, deals and tasks as they are now.</source>
        <translation>按期间生成销售报表：PDF 可打印或发送，电子表格可交给会计。所有数字都根据当前的订单、商机和任务计算。</translation>
    </message>
    <message>
        <source>Custom dates</source>
        <translation>自定义日期</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Re&amp;port:</source>
        <translation>报表(&amp;P)：</translation>
    </message>
    <message>
        <source>Per&amp;iod:</source>
        <translation>期间(&amp;I)：</translation>
    </message>
    <message>
        <source>Gro&amp;uping:</source>
        <translation>分组(&amp;U)：</translation>
    </message>
    <message>
        <source>For&amp;mat:</source>
        <translation>格式(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Generate…</source>
        <translation>生成(&amp;G)…</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>Show in &amp;folder</source>
        <translation>在文件夹中显示(&amp;F)</translation>
    </message>
    <message>
        <source>Pri&amp;nt…</source>
        <translation>打印(&amp;N)…</translation>
    </message>
    <message>
        <source>Print this report: a preview, then the print dialog</source>
        <translation>打印此报表：先预览，再打开打印对话框</translation>
    </message>
    <message>
        <source>The period starts after it ends: change the dates.</source>
        <translation>期间的开始晚于结束：请修改日期。</translation>
    </message>
    <message>
        <source>The customers of the customer table's current search, filters and sort (all customers when the table was not opened).</source>
        <translation>客户表当前搜索、筛选和排序下的客户（若未打开该表则为全部客户）。</translation>
    </message>
    <message numerus="yes">
        <source>{label} (%Ln day(s))</source>
        <translation>
            <numerusform>{label}（%Ln 天）</numerusform>
        </translation>
    </message>
    <message>
        <source>By day</source>
        <translation>按日</translation>
    </message>
    <message>
        <source>By week</source>
        <translation>按周</translation>
    </message>
    <message>
        <source>By month</source>
        <translation>按月</translation>
    </message>
    <message>
        <source>By quarter</source>
        <translation>按季度</translation>
    </message>
    <message>
        <source>Save the report as</source>
        <translation>将报表另存为</translation>
    </message>
    <message>
        <source>Writing {name}…</source>
        <translation>正在写入 {name}…</translation>
    </message>
    <message>
        <source>{label} report</source>
        <translation>{label}报表</translation>
    </message>
    <message>
        <source>Saved &lt;b&gt;{html}&lt;/b&gt; in {html2}</source>
        <translation>已将 &lt;b&gt;{html}&lt;/b&gt; 保存到 {html2}</translation>
    </message>
    <message>
        <source>Cancelled: no file was written.</source>
        <translation>已取消：未写入任何文件。</translation>
    </message>
</context>
<context>
    <name>RestoreFlow</name>
    <message>
        <source>Checking the backup…</source>
        <translation>正在检查备份…</translation>
    </message>
    <message>
        <source>Checking the backup</source>
        <translation>检查备份</translation>
    </message>
    <message>
        <source>Another task is still running (an import, a report…). Wait for it to finish, then restore again. Nothing was changed.</source>
        <translation>另一个任务仍在运行（导入、报表…）。请等其完成后再恢复。未做任何更改。</translation>
    </message>
    <message>
        <source>Keeping a safety copy of the current data and restoring…</source>
        <translation>正在为当前数据保留安全副本并恢复…</translation>
    </message>
    <message>
        <source>Reopening the database</source>
        <translation>正在重新打开数据库</translation>
    </message>
</context>
<context>
    <name>SavedViews</name>
    <message>
        <source>Save &amp;view…</source>
        <translation>保存视图(&amp;V)…</translation>
    </message>
    <message>
        <source>Keep this list's search, filters, sort and columns under a name</source>
        <translation>将此列表的搜索、筛选、排序和列保存为命名视图</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Save view</source>
        <translation>保存视图</translation>
    </message>
    <message>
        <source>Open a list first: a view keeps a list.</source>
        <translation>请先打开一个列表：视图保存的是列表。</translation>
    </message>
    <message>
        <source>Saving the view</source>
        <translation>保存视图</translation>
    </message>
    <message>
        <source>View “{name}” saved.</source>
        <translation>视图“{name}”已保存。</translation>
    </message>
    <message>
        <source>Opening the view</source>
        <translation>打开视图</translation>
    </message>
    <message>
        <source>Rename view</source>
        <translation>重命名视图</translation>
    </message>
    <message>
        <source>Renaming the view</source>
        <translation>重命名视图</translation>
    </message>
    <message>
        <source>View “{name}” deleted.</source>
        <translation>视图“{name}”已删除。</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>重命名(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Update to what the list shows</source>
        <translation>按列表当前内容更新(&amp;U)</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>下移(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
</context>
<context>
    <name>SearchReason</name>
    <message>
        <source>email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>city</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>country</source>
        <translation>国家/地区</translation>
    </message>
    <message>
        <source>tag</source>
        <translation>标签</translation>
    </message>
</context>
<context>
    <name>SellingPreferences</name>
    <message>
        <source>Invoices and taxes</source>
        <translation>发票和税</translation>
    </message>
    <message>
        <source>{YYYY} or {YY}: the year; {NNNN}: the number with as many digits as N</source>
        <translation>{YYYY} 或 {YY}：年份；{NNNN}：编号，位数与 N 的个数相同</translation>
    </message>
    <message>
        <source>Credit notes need a format other than invoices'.</source>
        <translation>红字发票的编号格式须与发票不同。</translation>
    </message>
    <message>
        <source>At most 20 characters.</source>
        <translation>最多 20 个字符。</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Menu keys</source>
        <translation>菜单键</translation>
    </message>
    <message>
        <source>On this screen</source>
        <translation>本屏幕上</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
</context>
<context>
    <name>ShowRecoveryKeyDialog</name>
    <message>
        <source>Recovery key</source>
        <translation>恢复密钥</translation>
    </message>
    <message>
        <source>This key opens the database and every backup made from it. CRM Desktop keeps it in this computer's keyring; you need it when that is gone: on a new computer, after reinstalling the system, or to open a backup elsewhere. Without it nobody can read the data, not even you, and nobody can recover it for you. Print it or write it down, and keep it apart from this laptop.</source>
        <translation>此密钥可打开数据库及由它创建的每份备份。CRM Desktop 将其保存在这台电脑的钥匙串中；当钥匙串不在时就需要它：换新电脑、重装系统后，或在别处打开备份时。没有它，任何人都无法读取数据，包括您自己，也没有人能替您恢复。请打印或抄写下来，并与这台笔记本分开存放。</translation>
    </message>
    <message>
        <source>Save the page to print (PDF)…</source>
        <translation>保存打印页（PDF）…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>I have printed or written down this key, and keep it apart from this laptop</source>
        <translation>我已打印或抄写此密钥，并与这台笔记本分开存放</translation>
    </message>
    <message>
        <source>Encrypt</source>
        <translation>加密</translation>
    </message>
    <message>
        <source>Save the recovery key</source>
        <translation>保存恢复密钥</translation>
    </message>
    <message>
        <source>Saved to %1. Print it, then keep the paper, not the file on this laptop.</source>
        <translation>已保存到 %1。请打印出来，保存纸张，而不是这台笔记本上的文件。</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Sections</source>
        <translation>栏目</translation>
    </message>
</context>
<context>
    <name>SortJob</name>
    <message>
        <source>Sorting the lists in the new language's order</source>
        <translation>正在按新语言的顺序排列列表</translation>
    </message>
</context>
<context>
    <name>StageColumn</name>
    <message>
        <source>{label} deals</source>
        <translation>{label}的交易</translation>
    </message>
    <message>
        <source>{count} deals</source>
        <translation>{count} 个商机</translation>
    </message>
    <message>
        <source>Total {money}</source>
        <translation>合计 {money}</translation>
    </message>
    <message>
        <source>Weighted {money}</source>
        <translation>加权 {money}</translation>
    </message>
    <message numerus="yes">
        <source>Show all %Ln</source>
        <translation>
            <numerusform>显示全部 %Ln 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show the last %Ln</source>
        <translation>
            <numerusform>显示最近 %Ln 个</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Why it was not imported</source>
        <translation>未导入的原因</translation>
    </message>
    <message>
        <source>Save refused rows…</source>
        <translation>保存被拒绝的行…</translation>
    </message>
    <message>
        <source>Undo this import</source>
        <translation>撤销此次导入</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Imported {source}.&lt;/b&gt;</source>
        <translation>&lt;b&gt;已导入 {source}。&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Nothing was imported: the database is as it was. Go back to change the file or the columns.</source>
        <translation>未导入任何内容：数据库保持原样。请返回修改文件或列。</translation>
    </message>
    <message>
        <source>Saving the refused rows</source>
        <translation>正在保存被拒绝的行</translation>
    </message>
    <message>
        <source>&lt;b&gt;Imported {source}.&lt;/b&gt; Refused rows saved to {saved}.</source>
        <translation>&lt;b&gt;已导入 {source}。&lt;/b&gt;被拒绝的行已保存到 {saved}。</translation>
    </message>
    <message>
        <source>Undo this import?</source>
        <translation>撤销此次导入？</translation>
    </message>
    <message>
        <source>Records it created go to the trash and the fields it changed get their old values back.</source>
        <translation>由其创建的记录将移到回收站，被其更改的字段将恢复原值。</translation>
    </message>
    <message>
        <source>Import undone</source>
        <translation>导入已撤销</translation>
    </message>
    <message>
        <source>Undone: {summary}</source>
        <translation>已撤销：{summary}</translation>
    </message>
    <message>
        <source>Undoing the import</source>
        <translation>正在撤销导入</translation>
    </message>
</context>
<context>
    <name>TagsEdit</name>
    <message>
        <source>e.g. VIP, newsletter</source>
        <translation>例如：VIP、通讯</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Call</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>已添加</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>已更改</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <source>Customer added</source>
        <translation>已添加客户</translation>
    </message>
    <message>
        <source>Customer changed</source>
        <translation>客户已更改</translation>
    </message>
    <message>
        <source>Customer moved to the trash</source>
        <translation>客户已移到回收站</translation>
    </message>
    <message>
        <source>Customer restored</source>
        <translation>客户已恢复</translation>
    </message>
    <message>
        <source>Contact “{name}” added</source>
        <translation>已添加联系人“{name}”</translation>
    </message>
    <message>
        <source>Contact “{name}” changed</source>
        <translation>联系人“{name}”已更改</translation>
    </message>
    <message>
        <source>Contact “{name}” moved to the trash</source>
        <translation>联系人“{name}”已移到回收站</translation>
    </message>
    <message>
        <source>Contact “{name}” restored</source>
        <translation>联系人“{name}”已恢复</translation>
    </message>
    <message>
        <source>Deal “{name}” added</source>
        <translation>已添加商机“{name}”</translation>
    </message>
    <message>
        <source>Deal “{name}” changed</source>
        <translation>商机“{name}”已更改</translation>
    </message>
    <message>
        <source>Deal “{name}” moved to the trash</source>
        <translation>商机“{name}”已移到回收站</translation>
    </message>
    <message>
        <source>Deal “{name}” restored</source>
        <translation>商机“{name}”已恢复</translation>
    </message>
    <message>
        <source>Order “{name}” added</source>
        <translation>已添加订单“{name}”</translation>
    </message>
    <message>
        <source>Order “{name}” changed</source>
        <translation>订单“{name}”已更改</translation>
    </message>
    <message>
        <source>Order “{name}” moved to the trash</source>
        <translation>订单“{name}”已移到回收站</translation>
    </message>
    <message>
        <source>Order “{name}” restored</source>
        <translation>订单“{name}”已恢复</translation>
    </message>
    <message>
        <source>Task “{name}” added</source>
        <translation>已添加任务“{name}”</translation>
    </message>
    <message>
        <source>Task “{name}” changed</source>
        <translation>任务“{name}”已更改</translation>
    </message>
    <message>
        <source>Task “{name}” moved to the trash</source>
        <translation>任务“{name}”已移到回收站</translation>
    </message>
    <message>
        <source>Task “{name}” restored</source>
        <translation>任务“{name}”已恢复</translation>
    </message>
    <message>
        <source>Service case “{name}” added</source>
        <translation>已添加服务工单“{name}”</translation>
    </message>
    <message>
        <source>Service case “{name}” changed</source>
        <translation>服务工单“{name}”已更改</translation>
    </message>
    <message>
        <source>Service case “{name}” moved to the trash</source>
        <translation>服务工单“{name}”已移到回收站</translation>
    </message>
    <message>
        <source>Service case “{name}” restored</source>
        <translation>服务工单“{name}”已恢复</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Tasks due</source>
        <translation>到期任务</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>All tasks →</source>
        <translation>全部任务 →</translation>
    </message>
    <message>
        <source>Deals closing within {CLOSING_DAYS} days</source>
        <translation>{CLOSING_DAYS} 天内预计成交的商机</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>预计</translation>
    </message>
    <message>
        <source>All deals →</source>
        <translation>全部商机 →</translation>
    </message>
    <message>
        <source>Recent interactions (last {RECENT_DAYS} days)</source>
        <translation>最近沟通记录（最近 {RECENT_DAYS} 天）</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>All interactions →</source>
        <translation>全部沟通记录 →</translation>
    </message>
    <message>
        <source>Today, {toString}</source>
        <translation>今天，{toString}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln overdue</source>
        <translation>
            <numerusform>%Ln 项逾期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln due today</source>
        <translation>
            <numerusform>%Ln 项今天到期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln deal(s) closing within {days} days</source>
        <translation>
            <numerusform>%Ln 个商机将在 {days} 天内成交</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Due today (%Ln)</source>
        <translation>
            <numerusform>今天到期（%Ln）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Overdue (%Ln), newest first</source>
        <translation>
            <numerusform>已逾期（%Ln），最新的在前</numerusform>
        </translation>
    </message>
    <message>
        <source>Tick to mark “{title}” done</source>
        <translation>勾选以将“{title}”标记为完成</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Nothing due today. Well done.</source>
        <translation>今天没有到期事项。干得好！</translation>
    </message>
    <message>
        <source>Closing soon</source>
        <translation>即将成交</translation>
    </message>
    <message>
        <source>Past their expected close date</source>
        <translation>已过预计成交日期</translation>
    </message>
    <message>
        <source>Past its expected close date</source>
        <translation>已过预计成交日期</translation>
    </message>
    <message>
        <source>No open deal closes within {CLOSING_DAYS} days.</source>
        <translation>{CLOSING_DAYS} 天内没有进行中的商机要成交。</translation>
    </message>
    <message>
        <source>No calls, meetings or notes in {RECENT_DAYS} days.</source>
        <translation>{RECENT_DAYS} 天内没有电话、会议或备注。</translation>
    </message>
    <message>
        <source>Completing the task</source>
        <translation>正在完成任务</translation>
    </message>
</context>
<context>
    <name>TransferFeature</name>
    <message>
        <source>Undoing the import</source>
        <translation>正在撤销导入</translation>
    </message>
    <message>
        <source>Import undone: {summary}</source>
        <translation>导入已撤销：{summary}</translation>
    </message>
    <message>
        <source>Imported {source}: {summary}</source>
        <translation>已导入 {source}：{summary}</translation>
    </message>
    <message>
        <source>Open a table (customers, orders…) to export it.</source>
        <translation>请打开一个表（客户、订单…）以导出。</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln row(s) to {path}</source>
        <translation>
            <numerusform>已导出 %Ln 行到 {path}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrashPage</name>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Bring the selected records back (Ctrl+R)</source>
        <translation>恢复所选记录（Ctrl+R）</translation>
    </message>
    <message>
        <source>Delete for good…</source>
        <translation>永久删除…</translation>
    </message>
    <message>
        <source>Delete the selected records for good (Shift+Delete)</source>
        <translation>永久删除所选记录（Shift+Delete）</translation>
    </message>
    <message>
        <source>Empty trash…</source>
        <translation>清空回收站…</translation>
    </message>
    <message>
        <source>Delete everything in the trash for good</source>
        <translation>永久删除回收站中的全部内容</translation>
    </message>
    <message>
        <source>The trash is empty.</source>
        <translation>回收站是空的。</translation>
    </message>
    <message>
        <source>Nothing in the trash matches.</source>
        <translation>回收站中没有匹配项。</translation>
    </message>
</context>
<context>
    <name>WindowStatusBar</name>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>个人</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>潜在客户</translation>
    </message>
    <message>
        <source>Prospect</source>
        <translation>意向客户</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>活跃</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>不活跃</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已付</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>发票</translation>
    </message>
    <message>
        <source>Credit note</source>
        <translation>红字发票</translation>
    </message>
    <message>
        <source>Partly paid</source>
        <translation>部分付款</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <translation>银行转账</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <source>Per line</source>
        <translation>按行</translation>
    </message>
    <message>
        <source>Per document</source>
        <translation>按单据</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Qualified</source>
        <translation>已确认需求</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>方案报价</translation>
    </message>
    <message>
        <source>Negotiation</source>
        <translation>谈判</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>丢单</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>普通</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>咨询</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Repair</source>
        <translation>维修</translation>
    </message>
    <message>
        <source>Warranty</source>
        <translation>保修</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>退货</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Advertising</source>
        <translation>广告</translation>
    </message>
    <message>
        <source>Social</source>
        <translation>社交媒体</translation>
    </message>
    <message>
        <source>Mailing</source>
        <translation>邮寄</translation>
    </message>
    <message>
        <source>Webinar</source>
        <translation>网络研讨会</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>已计划</translation>
    </message>
    <message>
        <source>Invited</source>
        <translation>已邀请</translation>
    </message>
    <message>
        <source>Responded</source>
        <translation>已回复</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>已参加</translation>
    </message>
    <message>
        <source>Converted</source>
        <translation>已转化</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>已更改</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>已恢复</translation>
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
        <source>Deal</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Order line</source>
        <translation>订单明细行</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Interaction</source>
        <translation>沟通记录</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>营销活动</translation>
    </message>
    <message>
        <source>Campaign member</source>
        <translation>营销活动成员</translation>
    </message>
    <message>
        <source>Service case</source>
        <translation>服务工单</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>报价单</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>付款</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>回收站</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customer(s)</source>
        <translation>
            <numerusform>%Ln 个客户</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln contact(s)</source>
        <translation>
            <numerusform>%Ln 个联系人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln deal(s)</source>
        <translation>
            <numerusform>%Ln 个商机</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln order(s)</source>
        <translation>
            <numerusform>%Ln 个订单</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln product(s)</source>
        <translation>
            <numerusform>%Ln 个产品</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln task(s)</source>
        <translation>
            <numerusform>%Ln 项任务</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln interaction(s)</source>
        <translation>
            <numerusform>%Ln 条沟通记录</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln campaign(s)</source>
        <translation>
            <numerusform>%Ln 个营销活动</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln service case(s)</source>
        <translation>
            <numerusform>%Ln 个服务工单</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln quote(s)</source>
        <translation>
            <numerusform>%Ln 份报价单</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln invoice(s)</source>
        <translation>
            <numerusform>%Ln 张发票</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln payment(s)</source>
        <translation>
            <numerusform>%Ln 笔付款</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s) in the trash</source>
        <translation>
            <numerusform>回收站中有 %Ln 条记录</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s)</source>
        <translation>
            <numerusform>%Ln 条记录</numerusform>
        </translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>新建联系人</translation>
    </message>
    <message>
        <source>New deal</source>
        <translation>新建商机</translation>
    </message>
    <message>
        <source>New order</source>
        <translation>新建订单</translation>
    </message>
    <message>
        <source>New product</source>
        <translation>新建产品</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>新建任务</translation>
    </message>
    <message>
        <source>New interaction</source>
        <translation>新建沟通记录</translation>
    </message>
    <message>
        <source>New campaign</source>
        <translation>新建营销活动</translation>
    </message>
    <message>
        <source>New service case</source>
        <translation>新建服务工单</translation>
    </message>
    <message>
        <source>New quote</source>
        <translation>新建报价单</translation>
    </message>
    <message>
        <source>New invoice</source>
        <translation>新建发票</translation>
    </message>
    <message>
        <source>New payment</source>
        <translation>新建付款</translation>
    </message>
    <message>
        <source>New record</source>
        <translation>新建记录</translation>
    </message>
    <message numerus="yes">
        <source>%Ln line(s)</source>
        <translation>
            <numerusform>%Ln 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show all %Ln</source>
        <translation>
            <numerusform>显示全部 %Ln 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show the last %Ln</source>
        <translation>
            <numerusform>显示最近 %Ln 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln invoice(s) issued ({first} to {last}).</source>
        <translation>
            <numerusform>已开具 %Ln 张发票（{first} 至 {last}）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Their values are replaced by “[erased]” in the audit log (entries: %Ln).</source>
        <translation>
            <numerusform>审计日志中其值已替换为“[erased]”（条目：%Ln）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <source>Show {title}</source>
        <translation>显示{title}</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Records</source>
        <translation>记录(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>{APP_NAME} cannot open the database</source>
        <translation>{APP_NAME} 无法打开数据库</translation>
    </message>
    <message>
        <source>Opening the database</source>
        <translation>正在打开数据库</translation>
    </message>
</context>
<context>
    <name>backup</name>
    <message>
        <source>&amp;Back up now…</source>
        <translation>立即备份(&amp;B)…</translation>
    </message>
    <message>
        <source>Make a verified backup of the database now</source>
        <translation>立即为数据库创建经过验证的备份</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>See every backup, verify one, restore one</source>
        <translation>查看全部备份，验证或恢复其中之一</translation>
    </message>
</context>
<context>
    <name>backup.model</name>
    <message>
        <source>{state} (full)</source>
        <translation>{state}（完整）</translation>
    </message>
    <message>
        <source>Made {reason}.</source>
        <translation>创建于{reason}。</translation>
    </message>
    <message>
        <source>Problem: {problem}</source>
        <translation>问题：{problem}</translation>
    </message>
    <message>
        <source>No record of a check: select it and click Verify.</source>
        <translation>没有检查记录：选中它并点击“验证”。</translation>
    </message>
</context>
<context>
    <name>backup.restore_flow</name>
    <message>
        <source>The data of {name} is back.</source>
        <translation>{name} 中的数据已恢复。</translation>
    </message>
    <message>
        <source>The data you had before was kept as a safety copy:
{path}
Restore that copy to undo this restore.</source>
        <translation>之前的数据已保存为安全副本：
{path}
恢复该副本即可撤销本次恢复。</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>备份已恢复</translation>
    </message>
</context>
<context>
    <name>customers.timeline</name>
    <message>
        <source>with {contact_name}</source>
        <translation>与 {contact_name}</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>{what} did not work.

{problem}</source>
        <translation>{what}未成功。

{problem}</translation>
    </message>
    <message>
        <source>{what} failed because of an error in CRM Desktop.</source>
        <translation>{what}失败，原因是 CRM Desktop 出错。</translation>
    </message>
    <message>
        <source>Nothing was half-saved: the change was undone. You can go on working.
The details were written to {log_file}.</source>
        <translation>没有任何内容被保存一半：更改已撤销。您可以继续工作。
详细信息已写入 {log_file}。</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>An action</source>
        <translation>某个操作</translation>
    </message>
    <message>
        <source>A background task</source>
        <translation>某个后台任务</translation>
    </message>
</context>
<context>
    <name>forms</name>
    <message>
        <source>Opening the {replace}</source>
        <translation>正在打开{replace}</translation>
    </message>
</context>
<context>
    <name>help</name>
    <message>
        <source>About {APP_NAME}</source>
        <translation>关于 {APP_NAME}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{APP_NAME}&lt;/b&gt; {version}&lt;br&gt;A customer-relationship manager for one small business.&lt;br&gt;&lt;br&gt;Database: {db_path}&lt;br&gt;Log: {log_dir}</source>
        <translation>&lt;b&gt;{APP_NAME}&lt;/b&gt; {version}&lt;br&gt;面向小型企业的客户关系管理工具。&lt;br&gt;&lt;br&gt;数据库：{db_path}&lt;br&gt;日志：{log_dir}</translation>
    </message>
</context>
<context>
    <name>invoices.actions</name>
    <message>
        <source>Accept quote</source>
        <translation>接受报价</translation>
    </message>
    <message>
        <source>Move the deal “{title}” to Won too?</source>
        <translation>同时将商机“{title}”改为赢单吗？</translation>
    </message>
    <message>
        <source>Select a quote to accept.</source>
        <translation>请选择要接受的报价单。</translation>
    </message>
    <message>
        <source>Quote {quote} accepted: order {order} made, deal won.</source>
        <translation>报价单 {quote} 已接受：已生成订单 {order}，商机赢单。</translation>
    </message>
    <message>
        <source>Quote {quote} accepted: order {order} made.</source>
        <translation>报价单 {quote} 已接受：已生成订单 {order}。</translation>
    </message>
    <message>
        <source>Accepting the quote</source>
        <translation>正在接受报价</translation>
    </message>
    <message>
        <source>Select the orders to invoice.</source>
        <translation>请选择要开发票的订单。</translation>
    </message>
    <message>
        <source>Invoice {number} issued.</source>
        <translation>发票 {number} 已开具。</translation>
    </message>
    <message>
        <source>Issuing the invoice</source>
        <translation>正在开具发票</translation>
    </message>
    <message>
        <source>Select the invoice that was paid.</source>
        <translation>请选择已付款的发票。</translation>
    </message>
    <message>
        <source>Recording a payment</source>
        <translation>正在登记付款</translation>
    </message>
    <message>
        <source>{number} has nothing left to pay.</source>
        <translation>{number} 已无待付金额。</translation>
    </message>
    <message>
        <source>Payment of {amount} recorded on {number}.</source>
        <translation>已为 {number} 登记付款 {amount}。</translation>
    </message>
    <message>
        <source>Cancel invoice</source>
        <translation>作废发票</translation>
    </message>
    <message>
        <source>Cancel {number} with a credit note? It keeps its number; the credit note gets the next one of its own series.

Reason (printed on the credit note):</source>
        <translation>用红字发票冲销 {number}？原发票保留其编号；红字发票使用其自身序列的下一个编号。

原因（将打印在红字发票上）：</translation>
    </message>
    <message>
        <source>Select the invoice to cancel.</source>
        <translation>请选择要作废的发票。</translation>
    </message>
    <message>
        <source>Invoice {number} cancelled by credit note {note}.</source>
        <translation>发票 {number} 已由红字发票 {note} 冲销。</translation>
    </message>
    <message>
        <source>Cancelling the invoice</source>
        <translation>正在作废发票</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>另存为</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saving the {lower}</source>
        <translation>正在保存{lower}</translation>
    </message>
    <message>
        <source>{what} saved as {path}.</source>
        <translation>{what}已保存为 {path}。</translation>
    </message>
    <message>
        <source>Select a quote to print.</source>
        <translation>请选择要打印的报价单。</translation>
    </message>
    <message>
        <source>Select an invoice to print.</source>
        <translation>请选择要打印的发票。</translation>
    </message>
    <message>
        <source>Order {number} has no invoice yet.</source>
        <translation>订单 {number} 还没有发票。</translation>
    </message>
</context>
<context>
    <name>reports</name>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Customer list report…</source>
        <translation>客户列表报表…</translation>
    </message>
    <message>
        <source>A PDF or spreadsheet of the customers in this view</source>
        <translation>此视图中客户的 PDF 或电子表格</translation>
    </message>
</context>
<context>
    <name>reports.invoice</name>
    <message>
        <source>Invoice {number}.pdf</source>
        <translation>发票 {number}.pdf</translation>
    </message>
</context>
<context>
    <name>selling</name>
    <message>
        <source>&amp;Accept quote…</source>
        <translation>接受报价(&amp;A)…</translation>
    </message>
    <message>
        <source>Make the order of the selected quote</source>
        <translation>根据所选报价单生成订单</translation>
    </message>
    <message>
        <source>Save quote P&amp;DF…</source>
        <translation>保存报价单 PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>Save the selected quote as a PDF</source>
        <translation>将所选报价单保存为 PDF</translation>
    </message>
    <message>
        <source>Issue in&amp;voice</source>
        <translation>开具发票(&amp;V)</translation>
    </message>
    <message>
        <source>Issue the invoices of the selected orders (numbered now)</source>
        <translation>为所选订单开具发票（现在编号）</translation>
    </message>
    <message>
        <source>&amp;Record payment…</source>
        <translation>登记付款(&amp;R)…</translation>
    </message>
    <message>
        <source>Record a payment against the selected invoice</source>
        <translation>为所选发票登记付款</translation>
    </message>
    <message>
        <source>Cancel with credit &amp;note…</source>
        <translation>开具红字发票作废(&amp;N)…</translation>
    </message>
    <message>
        <source>Cancel the selected invoice by issuing its credit note</source>
        <translation>通过开具红字发票作废所选发票</translation>
    </message>
    <message>
        <source>Save invoice P&amp;DF…</source>
        <translation>保存发票 PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>Save the selected invoice or credit note as a PDF</source>
        <translation>将所选发票或红字发票保存为 PDF</translation>
    </message>
</context>
<context>
    <name>tables.bulk</name>
    <message>
        <source>Moved {what} to the trash.</source>
        <translation>已将{what}移到回收站。</translation>
    </message>
    <message>
        <source>Move {what} to the trash</source>
        <translation>将{what}移到回收站</translation>
    </message>
    <message>
        <source>Nothing changed: the {plural} were already {label}.</source>
        <translation>没有更改：这些{plural}已经是“{label}”。</translation>
    </message>
    <message>
        <source>{label} set to “{label2}” on {what}.</source>
        <translation>已将{what}的{label}设为“{label2}”。</translation>
    </message>
    <message>
        <source>Set {lower} of {what}</source>
        <translation>设置{what}的{lower}</translation>
    </message>
    <message>
        <source>Nothing changed: every selected {noun} has “{name}”.</source>
        <translation>没有更改：所选{noun}都已有“{name}”。</translation>
    </message>
    <message>
        <source>Tag “{name}” added to {what}.</source>
        <translation>已为{what}添加标签“{name}”。</translation>
    </message>
    <message>
        <source>Add tag “{name}” to {what}</source>
        <translation>为{what}添加标签“{name}”</translation>
    </message>
    <message>
        <source>Nothing changed: no selected {noun} has “{name}”.</source>
        <translation>没有更改：所选{noun}都没有“{name}”。</translation>
    </message>
    <message>
        <source>Tag “{name}” removed from {what}.</source>
        <translation>已从{what}移除标签“{name}”。</translation>
    </message>
    <message>
        <source>Remove tag “{name}” from {what}</source>
        <translation>从{what}移除标签“{name}”</translation>
    </message>
</context>
<context>
    <name>transfer</name>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Import history…</source>
        <translation>导入历史…</translation>
    </message>
    <message>
        <source>Export current view…</source>
        <translation>导出当前视图…</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>重复项</translation>
    </message>
</context>
<context>
    <name>transfer.exports</name>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV, UTF-8 (*.csv)</source>
        <translation>CSV，UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>vCard 4.0 (*.vcf)</source>
        <translation>vCard 4.0 (*.vcf)</translation>
    </message>
    <message>
        <source>Export {get}</source>
        <translation>导出{get}</translation>
    </message>
    <message>
        <source>Exporting {get}</source>
        <translation>正在导出{get}</translation>
    </message>
</context>
<context>
    <name>transfer.wizard</name>
    <message>
        <source>vCards (*.vcf)</source>
        <translation>vCard (*.vcf)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Save refused rows</source>
        <translation>保存被拒绝的行</translation>
    </message>
</context>
</TS>