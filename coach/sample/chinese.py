"""The Chinese sample's words: a group-reporting accountant in Suzhou moves into finance
business partnering (财务BP), the article's own story.

The candidate has five years of consolidated reporting at a manufacturer in Suzhou and
wants to become a finance business partner. Their search is told with Chinese companies
(all made up), Chinese interviewers and the Chinese context (新租赁准则, 年薪, 坐班):
applying to 青禾零售集团 for 合并报表, they are referred to the 零售运营 finance BP
role, as in the article.

The candidate speaks as people do (嗯, 那个, 然后, 三个, 百分之二十), so the analysis has
fillers and figures to find. One question is asked in English, at the foreign-owned
software company, as the English sample has one asked in Chinese: a journal of both.

Each table gives words to the keys of `coach.sample.shape`, which holds the rest.
"""

COMPANIES = {
    # key: (name, notes)
    "northwind": ("顺达物流", "区域性货代公司。投来练手的，通勤单程要七十分钟。"),
    "kestrel": ("安泰保险", "中型保险公司。练一练经营分析方向的专业题。"),
    "bluegate": ("蓝门包装", "包装制造企业，和我现在的行业很接近，适合练工厂相关的问题。"),
    "meridian": ("华康医疗集团", "有三个院区的民营医疗集团，岗位是临床运营的财务BP。"),
    "alder": ("青禾零售集团", "投的是集团合并报表岗，面试官把我推荐给了零售运营财务团队。"),
    "solstice": ("曜阳新能源", "光伏电站开发商，岗位是项目交付事业部的财务BP。"),
    "tessellate": (
        "星河科技",
        "外资背景的订阅制软件公司，财务团队在上海，有一轮英文面试。不确定创业节奏适不适合我。",
    ),
}

INTERVIEWS = {
    # key: (role, round, interviewer)
    "northwind": ("财务分析师", "电话初筛", "王婷，招聘专员"),
    "kestrel": ("经营分析专员", "初试", "李志刚，经营分析经理"),
    "bluegate": ("财务BP", "用人经理面", "周慧敏，财务总监"),
    "meridian_screen": ("财务BP（临床运营）", "招聘初筛", "陈晓雯，招聘经理"),
    "alder_consolidation": ("集团合并报表会计", "用人经理面", "赵建国，集团报表经理"),
    "meridian_manager": ("财务BP（临床运营）", "用人经理面", "孙明，财务负责人"),
    "tessellate_first": ("高级经营分析师", "初试", "张伟，经营分析负责人"),
    "alder_partner": ("财务BP（零售运营）", "业务面", "林晓燕，零售财务负责人"),
    "solstice_first": ("财务BP（项目交付）", "初试", "黄俊，经营分析经理"),
    "meridian_panel": (
        "财务BP（临床运营）",
        "终面（小组面）",
        "孙明、刘佳（首席财务官）、郭强（运营总监）",
    ),
    "solstice_case": ("财务BP（项目交付）", "案例分析汇报", "黄俊、吴静"),
    "tessellate_second": ("高级经营分析师", "复试", "张伟、陈璐（财务副总裁）"),
    "solstice_final": ("财务BP（项目交付）", "终面", "马丽，财务总监"),
    "alder_final": ("财务BP（零售运营）", "零售首席财务官终面", "徐东，零售首席财务官"),
    "tessellate_final": ("高级经营分析师", "创始人终面", "林然、鲍奥，联合创始人"),
}

CUSTOM_DIMENSIONS = {"business_case": "商业案例"}

QUESTIONS = {
    "intro": "先简单做个自我介绍吧，讲讲你到目前为止的职业经历。",
    "five_years": "你对未来五年的职业规划是什么？",
    "move_to_fbp": "你为什么想从财务报告转去做财务BP？",
    "leave_current": "你为什么考虑离开现在的公司？",
    "gap_skills": "要成为一个优秀的财务BP，你觉得自己还缺哪些能力？",
    "leader": "你希望成为一个什么样的财务管理者？",
    "close_process": "讲一下你现在公司的月结流程吧。",
    "consolidation": "你们合并范围有几家公司？哪些工作是你自己负责的？",
    "automation": "你简历里写了内部往来对账自动化，具体做了什么？带来了什么变化？",
    "audit": "说说你最近一次年审，你处理过哪些审计问题？",
    "erp": "你平时用过哪些财务系统和报表工具？",
    "budget_owner": "你有没有从头到尾负责过一个预算或者预测？",
    "biggest_achievement": "在现在这份工作里，你最有成就感的一件事是什么？",
    "rolling_forecast": "如果让你给一个事业部搭滚动预测，你会怎么做？",
    "variance": "这个季度收入比预算低了百分之八，你会怎么分析这个差异？",
    "three_statement": "讲一下三张报表之间是怎么勾稽的。",
    "working_capital": "在一家制造企业，你会怎么改善营运资金？",
    "kpis": "如果给运营总监做月度经营分析报告，你会放哪些关键指标？",
    "capex": "你怎么评估一个资本性支出的申请？",
    "ifrs16": "新租赁准则下，租赁在报表上的列示有什么变化？",
    "excel_model": "财务模型要给别人用的时候，你怎么保证它靠得住？",
    "cost_allocation": "共享服务的费用，你会怎么分摊到各个事业部？",
    "unit_economics": "一款订阅制软件产品的单位经济模型，你会怎么分析？",
    "irr_npv": "净现值和内部收益率有什么区别？什么时候该看哪一个？",
    "why_company": "你为什么想来我们公司？",
    "healthcare": "你为什么想从制造业转到医疗行业？",
    "startup_pace": "快速成长期公司节奏快、变化多，你能适应吗？",
    "other_applications": "你现在还在面哪些公司？",
    "influence": "举个例子，说说你是怎么说服一位非财务的管理者改变决定的。",
    "conflict": "讲一次你和同事意见不合的经历，最后是怎么解决的？",
    "pressure": "说一次你在时间特别紧的情况下完成任务的经历。",
    "mistake": "讲一个你犯过的错误，你从中学到了什么？",
    "bad_news": "你是怎么向高层汇报坏消息的？",
    "prioritise": "好几个经理同时找你要分析的时候，你怎么排优先级？",
    "challenge_assumption": "举一个你质疑业务部门商业假设的例子。",
    "salary": "你的期望薪资是多少？",
    "notice": "你离职需要提前多久通知？最快什么时候能到岗？",
    "hybrid": "这个岗位每周要在办公室坐班三天，你能接受吗？",
    "travel": "这个岗位大概每个月要去院区出差两次，有问题吗？",
    "questions_for_us": "你还有什么问题想问我们的吗？",
    "weakness": "你最大的缺点是什么？",
    "other_language_intro": "Could you briefly introduce yourself and your current job in English?",
    "hobby": "工作之外你平时喜欢做什么？",
    "case_margin": "案例：一个片区的门店毛利率同比下降了两个点，你从哪里入手？",
    "case_project": "案例：一个光伏项目进行到一半，已经超预算百分之十五，你会怎么向董事会汇报？",
    "reforecast_cfo": "如果只有十分钟，你会怎么向首席财务官汇报滚动预测的调整？",
}

ASKS = {
    # interview: {question: (answer notes, what went wrong)}
    "northwind": {
        "intro": (
            "从大学专业讲起，一份工作一份工作按顺序讲，讲了快四分钟才说到现在做集团报表。",
            "她打断我问我平时具体做什么。我一直没讲为什么想做财务BP。",
        ),
        "leave_current": (
            "说在报表岗位上感觉到头了，然后又讲了公司组织调整和换了新领导。",
            "听起来又消极又含糊，她还问我是不是被裁员了。",
        ),
        "close_process": (
            "讲了我们八天的月结：各公司关账、预提、内部往来、合并，第八天出管理报表。",
            "",
        ),
        "salary": (
            "说薪资可以谈，反问他们的预算；她追问后我报了现在的工资。",
            "没提前想好期望数字，结果被现在的工资锚住了。",
        ),
        "weakness": (
            "说我有点完美主义，她明显听过太多次了。",
            "太套路了，也没有举例说明我是怎么改进的。",
        ),
    },
    "kestrel": {
        "intro": (
            "这次大概两分钟，但还是把用过的系统和负责的公司全列了一遍。",
            "列系统的时候被打断了，他只想听重点。",
        ),
        "variance": (
            "说会按产品和区域对比预算和去年同期，然后去问销售。",
            "他追问价格、销量和结构各影响多少，我没能把差异桥讲清楚。",
        ),
        "three_statement": (
            "讲折旧怎么影响现金流的时候绕晕了，营运资金变动的正负号也说反了。",
            "我从没从零搭过三张表的模型，一下就露怯了。",
        ),
        "influence": (
            "提到说服工厂厂长改加班政策，但记不清具体数字。",
            "他问哪些是我自己做的、哪些是团队做的，我一直在说“我们”。",
        ),
        "five_years": ("说想成为运营管理层身边的资深财务BP，也许带一个小的经营分析团队。", ""),
        "questions_for_us": (
            "问了团队做报表和做前瞻分析的时间怎么分配，以及入职前六个月做到什么程度算优秀。",
            "",
        ),
    },
    "bluegate": {
        "intro": ("用了新的九十秒版本：现在的岗位、工厂滚动预测、为什么现在想换。", ""),
        "move_to_fbp": (
            "说去年最有价值的事是跟厂长一起做预测，我希望这成为我的本职工作，而不是兼职。",
            "",
        ),
        "working_capital": (
            "讲了催收逾期应收、和供应商谈更长的账期。",
            "她问存货周转天数，我既说不出我们的数，也举不出降库存的例子。",
        ),
        "kpis": ("提了人均产出、废品率、每吨能耗成本、准时足量交付率和现金转换周期。", ""),
        "mistake": (
            "讲了三月份重复计提费用的事，分录细节讲得太多。",
            "她打断我问我之后改了什么，这才应该是重点。",
        ),
        "salary": ("参考两份薪酬报告，给了年薪三十万到三十三万的区间，也说了更看重整体待遇。", ""),
    },
    "meridian_screen": {
        "intro": (
            "九十秒版本，最后落到为什么想做医疗运营。她说这是她这周听到最清楚的自我介绍之一。",
            "",
        ),
        "why_company": ("提到了年报里的新日间手术中心和单病种成本项目。", ""),
        "healthcare": (
            "说工厂和医院都要管产能、周转和单位成本。",
            "她不太明白医院的“周转”指什么，我应该说手术室利用率。",
        ),
        "notice": ("提前三个月通知，协商的话可能两个月；春天没有安排休假。", ""),
        "salary": ("报了年薪三十二万到三十五万，依据是他们公布的薪资范围和薪酬报告。", ""),
    },
    "alder_consolidation": {
        "consolidation": (
            "合并范围十四家公司、四种币种；内部往来抵消、外币报表折算和合并分录都是我负责。",
            "",
        ),
        "ifrs16": (
            "讲了使用权资产和租赁负债，但没讲清楚租赁变更怎么重新计量。",
            "他问门店租约重谈的处理，我们公司租赁很少，我举不出例子。",
        ),
        "automation": (
            "讲了自动匹配模板、容差规则，以及和各子公司财务经理约定的截止日。他要数据，我正好有："
            "月结从八天缩短到五天。",
            "",
        ),
        "audit": ("讲了存货跌价准备的事：去年被审计调整后我重建了计提方法，今年没有审计发现。", ""),
        "move_to_fbp": ("坦白说其实更想做财务BP；他笑了，说这个信息很有用。", ""),
        "questions_for_us": ("问了集团报表和各事业部财务怎么配合，话题就聊到了零售运营团队。", ""),
    },
    "meridian_manager": {
        "budget_owner": (
            "说我和厂长一起负责工厂的预测。",
            "他问谁签字、实际数没达到怎么办，我对自己到底负责什么说得很含糊。",
        ),
        "kpis": (
            "把工厂的指标换成医院的：单病种成本、手术室利用率、外包人员费用和平均住院日。",
            "",
        ),
        "cost_allocation": (
            "先说按人数分摊，又说按收入分摊，前后矛盾。",
            "作业成本法我掌握得不够，他听得一头雾水，直接换了下一题。",
        ),
        "influence": (
            "这次带上了数字讲加班的故事：一个季度加班减少百分之十八，一年省大约七十万。",
            "他还是追问厂长当时反对什么，我只能临场发挥。",
        ),
        "conflict": (
            "讲了和销售财务在返利预提上的分歧，但背景铺垫太长。",
            "他打断我问最后结果怎么样。",
        ),
        "travel": ("每个月去三个院区两次没问题，我现在也要跑第二个工厂。", ""),
    },
    "tessellate_first": {
        "intro": ("六十秒版本。张伟一直点头，直接问了下一题。", ""),
        "unit_economics": (
            "讲了客单价和毛利，但获客成本回收期和净收入留存率讲不清楚。",
            "他一直问“那具体怎么算？”，我答不上来了。",
        ),
        "startup_pace": ("举了财务经理离职后我赶出董事会材料的例子。", ""),
        "excel_model": (
            "输入、计算、输出分开；设置必须为零的校验；留版本记录；用于决策的模型一定有第二个人复"
            "核。",
            "",
        ),
        "other_language_intro": (
            "Introduced myself in English: five years of group reporting at a manufacturer, "
            "consolidation and the month-end close, and a rolling forecast with the plant "
            "manager. Fine overall, but a few finance terms did not come easily.",
            "有几个财务术语的英文一下子没想起来（合并抵消、预提费用）。",
        ),
    },
    "alder_partner": {
        "why_company": (
            "把零售运营的转型和我做工厂预测的经历联系起来，也说了赵经理的推荐让我认真研究了这个部"
            "门。",
            "",
        ),
        "case_margin": (
            "把两个点拆成商品结构、促销、损耗和物流四块，每块都要数据。",
            "我顺口把损耗说成了工厂里的“废品”，她问我指的是什么。",
        ),
        "influence": ("两分钟内讲完加班的故事，带上七十万的节约和厂长当时的顾虑。", ""),
        "challenge_assumption": (
            "讲了折扣的故事：百分之十二的返量折扣重新谈成了百分之七，外加保底销量。",
            "",
        ),
        "prioritise": ("按决策时间和金额排序，并且直接告诉提需求的人哪些往后放。", ""),
        "hybrid": ("每周坐班三天可以，我本来就更愿意坐在运营团队旁边。", ""),
    },
    "solstice_first": {
        "intro": ("六十秒版本，针对项目交付做了调整。", ""),
        "irr_npv": (
            "说净现值是金额、内部收益率是百分比，然后讲到互斥项目和多个内部收益率就乱了。",
            "工作中从来没用过内部收益率，讲不出它什么时候会误导人。",
        ),
        "capex": (
            "说会拿可行性报告和最低回报率对比。",
            "他问我有没有驳回过资本性支出申请，我没准备例子。",
        ),
        "pressure": ("财务经理离职后赶董事会材料的故事，现在讲得很顺了。", ""),
        "other_applications": (
            "说别家也在终面阶段，没说名字，并表示项目财务对我确实很有吸引力。",
            "",
        ),
        "gap_skills": (
            "说需要多接触商务谈判，然后开始列培训课程。",
            "他打断我：你会先学哪一个，为什么？",
        ),
    },
    "meridian_panel": {
        "biggest_achievement": (
            "从内部往来自动化讲起，但陷进了匹配规则的细节。",
            "运营总监打断我：这对业务改变了什么？",
        ),
        "rolling_forecast": (
            "讲了工厂的预测，但首席财务官问三个院区、不同科室怎么做时，我没有框架。",
            "我只有自己工厂的例子，没有一套方法。",
        ),
        "bad_news": (
            "讲了汇报能源成本超支的事，但事情的先后顺序说乱了。",
            "首席财务官让我再说一遍我到底建议了什么。",
        ),
        "mistake": ("重复计提的故事，这次重点放在我之后引入的检查清单上。", ""),
        "five_years": ("资深财务BP，那时候希望能带一个小团队。", ""),
        "erp": ("讲了新财务系统上线：我映射了两千三百个科目，上线时新旧试算平衡表差异为零。", ""),
        "questions_for_us": ("只问了后续流程。", "准备好的单病种成本项目的问题全忘了。"),
    },
    "solstice_case": {
        "case_project": (
            "开门见山先讲建议：两个电站调整建设节奏、重谈组件合同、现在就向董事会汇报。然后按原因"
            "拆解百分之十五的超支。",
            "",
        ),
        "rolling_forecast": (
            "用了练过的框架：按项目阶段设驱动因素、每月更新、每个驱动因素有负责人。",
            "吴静追问驱动因素多久重新估一次，我答得没问题，就是有点慢。",
        ),
        "variance": ("先讲价格、销量、结构的差异桥，再讲每一块背后的业务原因，两分钟以内。", ""),
        "bad_news": ("这次能源超支的故事顺序对了：数字、原因、方案、我的建议。", ""),
    },
    "tessellate_second": {
        "why_company": ("说喜欢公司的增长和上海团队，但听起来很泛。", ""),
        "leader": (
            "讲要做业务伙伴而不是记分员，但没说清楚实际是什么样子。",
            "陈璐让我举个例子，我没准备。",
        ),
        "unit_economics": (
            "用他们融资材料里的数字讲了获客成本回收期和净收入留存率；陈璐追问了同期群分析。",
            "",
        ),
        "hobby": ("在练第一个半程马拉松，还在社区公益组织做志愿者，帮忙管账。", ""),
        "salary": ("高级岗报了年薪三十八万到四十二万，也表示对期权计划感兴趣。", ""),
    },
}

# The evidence of probed answers (the method's fields): background, the problem, what I
# did, evidence. Written for the answers the interviewer doubted, and for one probed
# answer the candidate went back to.
EVIDENCE = {
    ("alder_consolidation", "automation"): (
        "合并范围十四家公司、四种币种，集团月结要八个工作日。",
        "内部往来靠邮件对账，差异要到第六天才暴露出来。",
        "我做了自动匹配模板，定了容差规则，并和每家子公司的财务经理约定第三天截止。",
        "月结从八天缩短到五天；去年年审没有内部往来方面的发现。我的领导赵建国可以证实。",
    ),
    ("meridian_manager", "influence"): (
        "工厂三班倒，加班费占直接人工的百分之十一。",
        "厂长认为旺季只能靠加班才能交货。",
        "我测算了增加一个弹性班组和继续加班的成本对比，逐行讲给他听；他担心培训成本，我就把培训成"
        "本也加了进去。",
        "一个季度加班减少百分之十八，一年省大约七十万；后来是厂长自己在董事会上汇报了这个调整。",
    ),
    ("solstice_case", "rolling_forecast"): (
        "三个项目阶段，每个阶段有自己的成本驱动因素。",
        "年度预算到一季度末就已经过时了。",
        "我为每个阶段指定了驱动因素负责人，并且每月更新一次。",
        "",
    ),
    ("tessellate_second", "unit_economics"): (
        "一家面向中型零售商的订阅制软件公司。",
        "陈璐问我会怎么看同期群，而不只是看整体数字。",
        "",
        "",
    ),
}

REVIEWS = {
    # interview: self notes, reaction notes, passionate topics, advice, referral
    "northwind": dict(
        self_notes="从第一分钟就紧张，说话没有重点。",
        reaction_notes="她一直看时间，打断了我两次。",
        passionate="",
        advice="",
        referral="",
    ),
    "kestrel": dict(
        self_notes="讲自己的经历还行，专业题有点虚。",
        reaction_notes="讲三张报表的时候李经理一直皱眉。",
        passionate="工厂加班项目。",
        advice="自己动手搭一个简单的三表模型，勾稽关系自然就清楚了。",
        referral="",
    ),
    "bluegate": dict(
        self_notes="比较镇定，新的自我介绍帮了大忙。",
        reaction_notes="周总监一边记笔记一边追问细节。",
        passionate="工厂关键指标，以及和厂长一起做预测。",
        advice="",
        referral="",
    ),
    "meridian_screen": dict(
        self_notes="第一次在薪资和到岗时间上答得很有底气。",
        reaction_notes="陈经理说当天就会把我推荐给用人部门。",
        passionate="日间手术的单病种成本。",
        advice="和用人经理面的时候多用医院的例子，少用工厂的例子。",
        referral="",
    ),
    "alder_consolidation": dict(
        self_notes="合并报表答得很扎实，也坦白说了更想做财务BP。",
        reaction_notes="聊到和事业部合作的时候，赵经理明显放松了。",
        passionate="和运营经理一起做预测。",
        advice="",
        referral=(
            "赵建国把我推荐给了零售财务负责人林晓燕：零售运营部正在招一个财务BP，他觉得我在工厂做"
            "的事比合并报表岗更适合那个岗位。当天下午他就把我的简历转过去了。"
        ),
    ),
    "meridian_manager": dict(
        self_notes="费用分摊那题之后就没了信心。",
        reaction_notes="孙总问了三次“你具体做了什么？”",
        passionate="手术室利用率。",
        advice="每个例子先讲清楚对业务的影响，再讲过程。",
        referral="",
    ),
    "tessellate_first": dict(
        self_notes="整体挺自在，就是订阅业务的指标不熟。",
        reaction_notes="张伟很友善，但看不出他怎么想。",
        passionate="模型设计和校验。",
        advice="下一轮之前看看我们的融资材料，指标都在里面。",
        referral="",
    ),
    "alder_partner": dict(
        self_notes="目前为止最好的一场面试，每个故事都讲到位了。",
        reaction_notes="林总多聊了二十分钟，还介绍了两位团队成员给我认识。",
        passionate="门店毛利拆解和折扣重谈。",
        advice="",
        referral="",
    ),
    "solstice_first": dict(
        self_notes="内部收益率那题把我问懵了，后面一直没缓过来。",
        reaction_notes="讲资本性支出的时候黄经理一脸怀疑。",
        passionate="项目交付和去电站现场。",
        advice="案例汇报前看看我们最近两期的项目进展报告。",
        referral="",
    ),
    "meridian_panel": dict(
        self_notes="三个面试官一起面，我只回答提问的人，忽略了另外两位。",
        reaction_notes="运营总监打断了我两次，首席财务官一直在看手机。",
        passionate="",
        advice="刘佳：先讲数字支持的决策，再讲数字。",
        referral="",
    ),
    "solstice_case": dict(
        self_notes="准备得很充分，效果也出来了；一开场就讲了建议。",
        reaction_notes="吴静找我要了一份汇报材料。",
        passionate="光伏电站调整建设节奏。",
        advice="",
        referral="",
    ),
}

STORIES = {
    # key: (title, situation, task, action, result, skills)
    "intercompany": (
        "内部往来对账自动化",
        "合并范围十四家公司、四种币种，每次月结光内部往来差异就要花三天。",
        "在不加人的前提下，把花在差异上的时间降下来。",
        "我做了一个带容差规则的自动匹配模板，并和各子公司财务经理约定了截止日。",
        "月结从八个工作日缩短到五个，差异减少了大约百分之七十。",
        ["流程优化", "表格自动化", "跨部门沟通"],
    ),
    "discount": (
        "质疑百分之十二的返量折扣",
        "销售想给最大的包装客户百分之十二的返量折扣。",
        "算清楚这个折扣对毛利的真实影响。",
        "我搭了包含运费和返利的客户盈利模型，给销售总监讲清楚盈亏平衡的销量。",
        "折扣重新谈成百分之七并设了保底销量，每年守住了大约两百万的毛利。",
        ["商业敏感度", "影响力", "财务建模"],
    ),
    "provision": (
        "审计调整后重建存货跌价准备",
        "上一年的存货跌价准备被审计调整了。",
        "负责计提方法，并让它经得起审计。",
        "我把方法写成文档，用实际核销数做了回测，并在审计进场前给审计师讲了一遍。",
        "今年没有审计发现，这套方法也成了集团标准。",
        ["会计准则", "文档规范", "主人翁意识"],
    ),
    "erp": (
        "新财务系统上线的科目迁移",
        "集团切换到新的财务系统，科目表也全部重建。",
        "映射两千三百个科目，并证明期初余额无误。",
        "我和每个账套负责人开映射讨论会，做了新旧试算平衡表的核对表。",
        "按期上线，期初余额差异为零。",
        ["项目推进", "细致严谨", "团队协作"],
    ),
    "forecast": (
        "工厂的第一份滚动预测",
        "厂长只看年度预算，每到季末都被实际数吓一跳。",
        "给他一个能据此行动的前瞻视图。",
        "我设计了按驱动因素的十二个月滚动预测（产量、能源价格、人数），每月和他一起过一遍。",
        "第四个月起预测误差控制在百分之三以内，他据此推迟了一个招聘、减少了加班。",
        ["经营分析", "业务伙伴", "驱动因素建模"],
    ),
    "mentoring": (
        "带两个应届生做月结",
        "年底前团队来了两个应届生。",
        "让他们能独立负责自己的账套。",
        "我写了月结检查清单，每周花半小时答疑。",
        "三个月内两人都能独立做账，其中一个已经升职了。",
        ["辅导", "领导力"],
    ),
    "board_pack": (
        "财务经理离职后的董事会材料",
        "年终董事会前两周，我们的财务经理离职了。",
        "人手更少，但董事会材料要按时交。",
        "我和财务总监确认哪些可以往后放，重新分了工，分析说明我自己写。",
        "材料按时发出，财务总监还让我在会上讲分析说明部分。",
        ["抗压能力", "优先级管理", "沟通表达"],
    ),
}

ACTIONS = {
    # (interview, aspect, source): text
    ("northwind", "questions", "suggested"): (
        "把“自我介绍”改成九十秒版本：现在做什么、工厂预测的经历、为什么想做财务BP。"
    ),
    ("northwind", "questions", "own"): "查两份薪酬报告，下次初筛前定好期望薪资区间。",
    ("northwind", "overall", "own"): "去安泰保险面试前，找安娜模拟一次电话面试。",
    ("northwind", "overall", "suggested"): (
        "下次面试前先热身：你这次开场很紧张。提前十分钟到场或上线，把自我介绍大声说两遍，再准备好"
        "一个你自己想问的问题。"
    ),
    ("northwind", "strengths", "bridge"): (
        "聊到对业务的影响时，主动引到折扣的故事：“我有个例子更能说明这一点，可以讲一下吗？”"
    ),
    ("kestrel", "questions", "advice"): "按李经理的建议，从零搭一个简单的三表模型。",
    ("kestrel", "questions", "suggested"): "用工厂的真实数据准备一个价格、销量、结构的差异桥。",
    ("kestrel", "relationship", "own"): "每答完一题停一下，问对方需不需要展开，不要急着填满沉默。",
    ("bluegate", "questions", "suggested"): "查清楚我们的存货周转天数，准备一个降库存的具体例子。",
    ("bluegate", "strengths", "own"): "在带应届生的故事里补上他们的成果。",
    ("meridian_screen", "questions", "advice"): (
        "我用到的每个工厂指标，都准备一个医院版的例子（周转换成手术室利用率）。"
    ),
    ("alder_consolidation", "relationship", "referral"): (
        "两天内给林晓燕发邮件，提到赵建国的推荐，附上一页工厂预测的总结。"
    ),
    ("alder_consolidation", "questions", "suggested"): (
        "学习新租赁准则下的租赁变更，准备一个门店租约的例子。"
    ),
    ("meridian_manager", "overall", "advice"): "每个故事先量化对业务的影响，再讲过程。",
    ("meridian_manager", "questions", "suggested"): (
        "学作业成本法的基础，准备一个共享服务费用分摊的例子。"
    ),
    ("meridian_manager", "strengths", "bridge"): (
        "聊到预算时，主动引到滚动预测的故事，讲清楚哪些是我负责的。"
    ),
    ("tessellate_first", "questions", "advice"): (
        "学订阅业务的指标：获客成本回收期、净收入留存率、同期群分析。"
    ),
    ("alder_partner", "overall", "own"): "保持这次有效的准备习惯：打印故事清单，前一晚模拟两道题。",
    ("alder_partner", "relationship", "own"): "给林总发一封感谢信，附上案例里毛利拆解的思路。",
    ("solstice_first", "questions", "suggested"): (
        "把净现值和内部收益率彻底弄懂，包括互斥项目，练到脱口而出。"
    ),
    ("solstice_first", "strengths", "bridge"): "聊到资本项目时，主动引到滚动预测的故事。",
    ("solstice_first", "relationship", "advice"): "案例汇报前读完曜阳最近两期的项目进展报告。",
    ("meridian_panel", "overall", "advice"): "先讲数字支持的决策，再讲数字。",
    ("meridian_panel", "questions", "suggested"): "为多院区的服务型企业准备一套滚动预测框架。",
    ("meridian_panel", "questions", "own"): "给小组面准备三个问题，写在笔记本上。",
    ("meridian_panel", "relationship", "own"): (
        "小组面要照顾到每一位面试官，不只看提问的人；讲运营相关的内容时看着运营总监。"
    ),
    ("solstice_case", "strengths", "own"): "把案例汇报里的建议整理成一个故事，终面用。",
    ("solstice_case", "relationship", "own"): "终面时问马总董事会对调整建设节奏的接受度。",
    (None, "overall", "own"): "青禾终面之前，每周至少五天把到期的卡片练完。",
}

ANSWERS = {
    # (question, day): text
    ("intro", -68): (
        "嗯，我现在在一家制造企业做集团报表的高级会计，那个，主要负责十四家公司的合并报表和月结。"
        "然后去年呢，我和我们厂长一起搭了一个滚动预测，用它减少了加班，还推迟了一个招聘。就是说，"
        "这部分工作是我最喜欢的，所以我现在想转去做财务BP，把时间花在帮管理者做决策上，而不只是报"
        "告已经发生的事情。"
    ),
    ("intro", -63): (
        "我在一家制造企业做集团报表高级会计，负责合并和月结。去年我和厂长一起做了滚动预测，帮工厂"
        "把加班减少了百分之十八。这是我最喜欢的工作，所以我想转做财务BP。"
    ),
    ("intro", -55): (
        "制造业集团报表会计。最好的成绩：和厂长一起做滚动预测，加班减少百分之十八。我想全职做这件"
        "事，做财务BP。"
    ),
    ("influence", -44): (
        "我们工厂每个月加班都占百分之二十左右。我用一份按周的需求预测给厂长看，加班的成本比招两个"
        "临时工还高。他担心新人影响质量，所以我们商量先试三个月，同时加一道质检。第一个季度加班就"
        "减少了百分之十八，一年大约省七十万。"
    ),
    ("influence", -34): (
        "我给厂长算了账：加班比招两个临时工还贵。他担心质量，我们就试了三个月并加了质检。加班减少"
        "百分之十八，一年省七十万左右。"
    ),
    ("variance", -60): (
        "嗯，首先我会按产品和区域，把差异拆成价格、销量和结构三块，看是哪个因素在变。然后拿着数字"
        "去找差异最大那几块的销售和运营负责人，问问发生了什么。最后再判断这是时间性差异还是趋势，"
        "再决定要不要调整预测。"
    ),
    ("variance", -13): (
        "先按产品和区域拆价格、销量、结构，再问最大几块的负责人发生了什么，最后判断是时间性差异还"
        "是趋势。"
    ),
    ("salary", -55): (
        "参考你们公布的薪资范围和两份薪酬报告，我的期望是年薪三十二万到三十五万，整体待遇也可以一"
        "起谈。"
    ),
    ("excel_model", -40): (
        "输入、计算、输出分表放；设置必须为零的校验；留版本记录；用于决策的模型一定要有第二个人复"
        "核。"
    ),
    ("challenge_assumption", -34): (
        "销售想给最大的客户百分之十二的返量折扣。我用包含运费和返利的盈利模型算出了盈亏平衡销量，"
        "最后谈成百分之七加保底销量，每年守住了大约两百万的毛利。"
    ),
    ("pressure", -27): (
        "董事会前两周我们的财务经理离职了。我和财务总监确认哪些可以往后放，重新分工，分析说明我自"
        "己写。材料按时发出，会上也是我讲的分析说明。"
    ),
    ("rolling_forecast", -19): (
        "我会先从业务需要做的决策出发，挑出影响结果的五六个驱动因素（产量、价格、人数），每个驱动"
        "因素找一个财务以外的负责人，按滚动十二个月每月更新，并且每个月都和上一版预测对比，看看哪"
        "里估错了，从中学习。"
    ),
    ("rolling_forecast", -13): (
        "从决策出发；五六个驱动因素，各有负责人；滚动十二个月、每月更新；从上个月的偏差中学习。"
    ),
    ("case_project", -13): (
        "现在就向董事会汇报，先讲建议：两个电站调整建设节奏，重谈组件合同。然后按原因拆解百分之十"
        "五的超支，以及每个方案能省多少。"
    ),
    ("other_language_intro", -38): (
        "I have spent five years in group reporting at a manufacturer in Suzhou, where I run the "
        "consolidation of fourteen entities and the month-end close. Last year I built a rolling "
        "forecast with our plant manager that cut overtime by eighteen percent. Now I want to "
        "move into business partnering and support decisions more directly."
    ),
    ("bad_news", -8): (
        "能源成本比预算超了九十万。我先跟财务总监讲数字，再讲原因，然后给出两个方案和各自的成本，"
        "建议对明年一半的用量做套期保值。后来我们做了套保，超支就没有再扩大。"
    ),
}

ATTEMPT_NOTES = {
    # grade: what the candidate noted after a rehearsal (one drawn at random)
    1: ["讲完第一点就断了。", "关键数字又忘了。", "又回到了那个又长又散的老版本。"],
    2: ["讲到了，但很慢。", "结构对了，但忘了讲结果。", "超过两分钟了，还得再压缩。"],
    3: ["", "", "清楚，时间也控制住了。"],
    4: ["", "很轻松，一分钟以内。"],
}
