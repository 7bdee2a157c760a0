"""Chinese customers: surname first, one- or two-character given names, 有限公司."""

from __future__ import annotations

from random import Random

from crm_desktop.services.demo_data.model import City, Country, Language, Mobile, Person, pick

CHINESE = Language(
    code="zh",
    positions=(
        ("总经理", "总经理"),
        ("董事长", "董事长"),
        ("副总经理", "副总经理"),
        ("采购经理", "采购经理"),
        ("财务经理", "财务经理"),
        ("行政经理", "行政经理"),
        ("销售总监", "销售总监"),
        ("办公室主任", "办公室主任"),
        ("会计", "会计"),
        ("采购专员", "采购专员"),
        ("信息部主管", "信息部主管"),
        ("仓库主管", "仓库主管"),
        ("人事经理", "人事经理"),
        ("总经理助理", "总经理助理"),
    ),
    leading_positions=3,
    task_titles=(
        "发送报价单",
        "回电确认订单",
        "准备合同",
        "寄送样品",
        "开具发票",
        "确认付款",
        "安排产品演示",
        "会后跟进",
        "确认交货日期",
        "续签维护合同",
        "收集客户反馈",
        "发送新价目表",
        "安排安装",
        "准备方案",
    ),
    interaction_subjects={
        "call": (
            "电话跟进",
            "询问交货时间",
            "询价",
            "讨论续约",
            "催收逾期款项",
            "电话确认订单",
        ),
        "meeting": (
            "季度回顾会议",
            "产品演示",
            "客户办公室洽谈",
            "合同谈判",
            "讨论办公室搬迁",
        ),
        "email": (
            "发送报价",
            "发送发票",
            "回复保修问题",
            "发送新价目表",
            "订单确认",
        ),
        "note": (
            "上午联系比较方便",
            "下季度预算已批准",
            "负责人月底前休假",
            "希望批量采购有折扣",
        ),
        "visit": (
            "参观客户仓库",
            "送样品",
            "测量办公室尺寸",
            "安装后回访",
        ),
    },
    deal_titles=(
        ("新办公室办公椅", "chairs"),
        ("部门升降桌采购", "desks"),
        ("档案室文件柜", "storage"),
        ("新员工工位配置", "tech"),
        ("打印机更换", "printers"),
        ("纸张和硒鼓年度供应", "supplies"),
        ("办公室咖啡机", "coffee"),
        ("LED照明改造", "lighting"),
        ("仓库货架", "warehouse"),
        ("年度维护合同", "services"),
    ),
    lost_reasons=(
        "价格太高",
        "选择了竞争对手",
        "预算削减",
        "客户无回应",
        "项目推迟",
        "交货期太长",
    ),
    case_subjects=(
        ("办公椅气杆下沉", "repair", "chairs"),
        ("升降桌电机有噪音", "repair", "desks"),
        ("交货延迟", "complaint", None),
        ("送错颜色", "return", "chairs"),
        ("硒鼓漏粉", "warranty", "printers"),
        ("咖啡机提示除垢", "repair", "coffee"),
        ("如何调节桌子高度？", "question", "desks"),
        ("退回未使用的商品", "return", "supplies"),
        ("显示器支架承重不足", "warranty", "tech"),
        ("LED面板闪烁", "warranty", "lighting"),
        ("发票地址错误", "question", None),
    ),
    resolutions=(
        "已按保修更换。",
        "已上门维修。",
        "已开具红字发票。",
        "已电话说明。",
        "已寄送替换件。",
        "已收回商品并退款。",
    ),
    customer_notes=(
        "付款及时。",
        "需要增值税专用发票。",
        "送货请提前一天电话预约。",
        "更喜欢用邮件沟通。",
        "春节期间不收货。",
    ),
    mailboxes=("info", "sales", "service", "contact"),
    sources=(
        "网站",
        "网站",
        "朋友推荐",
        "朋友推荐",
        "展会",
        "电话营销",
        "百度推广",
        "微信",
        "老客户",
        "合作伙伴",
    ),
)

# (surname, pinyin); the commonest come first and are drawn more often.
SURNAMES = (
    ("王", "wang"), ("李", "li"), ("张", "zhang"), ("刘", "liu"), ("陈", "chen"), ("杨", "yang"),
    ("黄", "huang"), ("赵", "zhao"), ("吴", "wu"), ("周", "zhou"), ("徐", "xu"), ("孙", "sun"),
    ("马", "ma"), ("朱", "zhu"), ("胡", "hu"), ("郭", "guo"), ("何", "he"), ("高", "gao"),
    ("林", "lin"), ("罗", "luo"), ("郑", "zheng"), ("梁", "liang"), ("谢", "xie"), ("宋", "song"),
    ("唐", "tang"), ("许", "xu"), ("韩", "han"), ("冯", "feng"), ("邓", "deng"), ("曹", "cao"),
    ("彭", "peng"), ("曾", "zeng"), ("肖", "xiao"), ("田", "tian"), ("董", "dong"), ("袁", "yuan"),
    ("潘", "pan"), ("于", "yu"), ("蒋", "jiang"), ("蔡", "cai"), ("余", "yu"), ("杜", "du"),
    ("叶", "ye"), ("程", "cheng"), ("苏", "su"), ("魏", "wei"), ("吕", "lv"), ("丁", "ding"),
    ("任", "ren"), ("沈", "shen"), ("姚", "yao"), ("卢", "lu"), ("姜", "jiang"), ("崔", "cui"),
    ("钟", "zhong"), ("谭", "tan"), ("陆", "lu"), ("汪", "wang"), ("范", "fan"), ("金", "jin"),
    ("石", "shi"), ("廖", "liao"), ("贾", "jia"), ("夏", "xia"), ("韦", "wei"), ("付", "fu"),
    ("方", "fang"), ("白", "bai"), ("邹", "zou"), ("孟", "meng"), ("熊", "xiong"), ("秦", "qin"),
    ("邱", "qiu"), ("江", "jiang"), ("尹", "yin"), ("薛", "xue"), ("闫", "yan"), ("段", "duan"),
    ("雷", "lei"), ("侯", "hou"), ("龙", "long"), ("史", "shi"), ("陶", "tao"), ("黎", "li"),
    ("贺", "he"), ("顾", "gu"), ("毛", "mao"), ("郝", "hao"), ("龚", "gong"), ("邵", "shao"),
    ("万", "wan"), ("钱", "qian"), ("严", "yan"), ("武", "wu"), ("戴", "dai"), ("莫", "mo"),
    ("孔", "kong"), ("向", "xiang"), ("汤", "tang"), ("欧阳", "ouyang"), ("司马", "sima"),
)  # fmt: skip
_WEIGHTED_SURNAMES = SURNAMES[:10] * 3 + SURNAMES[10:30] * 2 + SURNAMES[30:]

# Characters of given names (with their pinyin): his, hers, and either.
_HIS = (
    ("伟", "wei"), ("强", "qiang"), ("磊", "lei"), ("军", "jun"), ("勇", "yong"), ("杰", "jie"),
    ("涛", "tao"), ("超", "chao"), ("斌", "bin"), ("浩", "hao"), ("鹏", "peng"), ("辉", "hui"),
    ("刚", "gang"), ("健", "jian"), ("峰", "feng"), ("建", "jian"), ("国", "guo"), ("宇", "yu"),
    ("飞", "fei"), ("波", "bo"), ("龙", "long"), ("亮", "liang"), ("凯", "kai"), ("航", "hang"),
    ("毅", "yi"), ("翔", "xiang"), ("昊", "hao"), ("哲", "zhe"), ("成", "cheng"), ("志", "zhi"),
    ("俊", "jun"), ("海", "hai"), ("鑫", "xin"), ("帆", "fan"), ("宏", "hong"), ("振", "zhen"),
    ("德", "de"), ("庆", "qing"), ("永", "yong"), ("勋", "xun"), ("彬", "bin"), ("坤", "kun"),
)  # fmt: skip
_HERS = (
    ("芳", "fang"), ("娜", "na"), ("敏", "min"), ("静", "jing"), ("丽", "li"), ("艳", "yan"),
    ("娟", "juan"), ("霞", "xia"), ("秀", "xiu"), ("英", "ying"), ("玲", "ling"), ("燕", "yan"),
    ("婷", "ting"), ("雪", "xue"), ("慧", "hui"), ("琳", "lin"), ("颖", "ying"), ("倩", "qian"),
    ("悦", "yue"), ("梅", "mei"), ("兰", "lan"), ("红", "hong"), ("洁", "jie"), ("晶", "jing"),
    ("萍", "ping"), ("琴", "qin"), ("云", "yun"), ("莉", "li"), ("璐", "lu"), ("瑶", "yao"),
    ("怡", "yi"), ("蕾", "lei"), ("露", "lu"), ("莹", "ying"), ("薇", "wei"), ("丹", "dan"),
    ("妍", "yan"), ("婉", "wan"), ("欢", "huan"), ("珊", "shan"), ("菲", "fei"), ("岚", "lan"),
)  # fmt: skip
_EITHER = (
    ("明", "ming"), ("华", "hua"), ("平", "ping"), ("文", "wen"), ("林", "lin"), ("东", "dong"),
    ("晓", "xiao"), ("晨", "chen"), ("佳", "jia"), ("欣", "xin"), ("子", "zi"), ("雨", "yu"),
    ("思", "si"), ("嘉", "jia"), ("博", "bo"), ("春", "chun"), ("秋", "qiu"), ("安", "an"),
    ("宁", "ning"), ("新", "xin"), ("光", "guang"), ("小", "xiao"), ("一", "yi"), ("天", "tian"),
)  # fmt: skip
_HIS_ALL = _HIS + _EITHER
_HERS_ALL = _HERS + _EITHER


def person(rng: Random, female: bool) -> Person:
    """王伟, 欧阳晓东: surname, then one or two characters of given name."""
    surname, surname_latin = pick(rng, _WEIGHTED_SURNAMES)
    pool = _HERS_ALL if female else _HIS_ALL
    first, first_latin = pick(rng, pool)
    if rng.random() < 0.7:
        second, second_latin = pick(rng, _HERS if female else _HIS)
        if second != first:
            first, first_latin = first + second, first_latin + second_latin
    return Person(surname + first, first_latin, surname_latin, female)


# Trade names (字号) and lines of business, with the pinyin a domain is made of.
_BRANDS = (
    ("华联", "hualian"), ("恒通", "hengtong"), ("东方", "dongfang"), ("瑞丰", "ruifeng"),
    ("金桥", "jinqiao"), ("长城", "changcheng"), ("新世纪", "xinshiji"), ("宏达", "hongda"),
    ("远航", "yuanhang"), ("天成", "tiancheng"), ("鼎盛", "dingsheng"), ("汇丰源", "huifengyuan"),
    ("中泰", "zhongtai"), ("嘉禾", "jiahe"), ("永盛", "yongsheng"), ("华信", "huaxin"),
    ("博远", "boyuan"), ("启明", "qiming"), ("聚源", "juyuan"), ("盛世", "shengshi"),
    ("鸿运", "hongyun"), ("天宇", "tianyu"), ("海川", "haichuan"), ("星辰", "xingchen"),
    ("锦程", "jincheng"), ("德润", "derun"), ("盈科", "yingke"), ("泰和", "taihe"),
    ("安信", "anxin"), ("同舟", "tongzhou"), ("明远", "mingyuan"), ("康达", "kangda"),
    ("誉峰", "yufeng"), ("宏图", "hongtu"), ("百川", "baichuan"), ("凯悦", "kaiyue"),
    ("宝通", "baotong"), ("金鼎", "jinding"), ("顺达", "shunda"), ("正阳", "zhengyang"),
    ("立信", "lixin"), ("协力", "xieli"), ("广源", "guangyuan"), ("联创", "lianchuang"),
    ("中科", "zhongke"), ("信达", "xinda"), ("新亚", "xinya"), ("九州", "jiuzhou"),
    ("华强", "huaqiang"), ("众诚", "zhongcheng"), ("合力", "heli"), ("恒丰", "hengfeng"),
    ("润泽", "runze"), ("卓越", "zhuoyue"), ("永兴", "yongxing"), ("腾飞", "tengfei"),
)  # fmt: skip
_TRADES = (
    ("科技", "tech"), ("贸易", "trade"), ("物流", "logistics"), ("电子", "electronics"),
    ("食品", "food"), ("建材", "jiancai"), ("咨询", "consulting"), ("家具", "jiaju"),
    ("办公设备", "office"), ("文化传媒", "media"), ("网络科技", "net"), ("信息技术", "it"),
    ("机械设备", "jixie"), ("餐饮管理", "canyin"), ("医疗器械", "medical"), ("环保科技", "huanbao"),
    ("包装材料", "pack"), ("服饰", "fushi"), ("印刷", "print"), ("装饰工程", "zhuangshi"),
)  # fmt: skip


def company(rng: Random, city: City) -> tuple[str, str]:
    """北京华联科技有限公司, 深圳市宏达电子股份有限公司."""
    brand, brand_latin = pick(rng, _BRANDS)
    trade, trade_latin = pick(rng, _TRADES)
    place = city.name + ("市" if rng.random() < 0.3 else "")
    form = "股份有限公司" if rng.random() < 0.1 else "有限公司"
    slug = (
        brand_latin + trade_latin
        if rng.random() < 0.6
        else f"{brand_latin}{pick(rng, ('', 'cn', 'group', 'china'))}"
    )
    return f"{place}{brand}{trade}{form}", slug


_ROADS = (
    "中山路", "人民路", "解放路", "建设路", "和平路", "长江路", "黄河路", "新华路", "胜利路",
    "南京路", "北京路", "科技路", "创业路", "学院路", "文化路", "青年路", "光明路", "幸福路",
    "友谊路", "世纪大道", "滨江大道", "工业园路", "东风路", "延安路",
)  # fmt: skip


def address(rng: Random, city: City, company_: bool) -> str:
    """朝阳区建国路88号12层1203室."""
    street = f"{pick(rng, city.districts)}{pick(rng, _ROADS)}{int(rng.random() * 300) + 1}号"
    if company_:
        floor = int(rng.random() * 28) + 2
        return f"{street}{floor}层{floor}{int(rng.random() * 20) + 1:02d}室"
    building = int(rng.random() * 12) + 1
    return f"{street}{building}栋{int(rng.random() * 25) + 1}{int(rng.random() * 4) + 1:02d}室"


def _email_local(rng: Random, person: Person, domain: str) -> str:
    if domain == "qq.com":  # QQ addresses are the account's number
        return str(int(rng.random() * 2_900_000_000) + 100_000_000)
    style = rng.random()
    if style < 0.5:
        return f"{person.family}{person.given}{int(rng.random() * 90) + 10}"
    if style < 0.8:
        return f"{person.given}.{person.family}"
    return f"{person.family}_{person.given}"


CHINA = Country(
    region="CN",
    name="中国",
    weight=14,
    language=CHINESE,
    calling_code="86",
    cities=(
        City("北京", ("10",), 8, "2345678", ("朝阳区", "海淀区", "东城区", "西城区", "丰台区")),
        City("上海", ("21",), 8, "234567", ("浦东新区", "徐汇区", "静安区", "黄浦区", "长宁区")),
        City("广州", ("20",), 8, "2345678", ("天河区", "越秀区", "海珠区", "白云区")),
        City("深圳", ("755",), 8, "2345678", ("南山区", "福田区", "罗湖区", "宝安区")),
        City("杭州", ("571",), 8, "2345678", ("西湖区", "上城区", "滨江区", "拱墅区")),
        City("成都", ("28",), 8, "2345678", ("武侯区", "锦江区", "青羊区", "成华区")),
        City("南京", ("25",), 8, "2345678", ("鼓楼区", "玄武区", "建邺区", "秦淮区")),
        City("武汉", ("27",), 8, "2345678", ("江汉区", "武昌区", "洪山区", "江岸区")),
        City("西安", ("29",), 8, "2345678", ("雁塔区", "碑林区", "莲湖区", "未央区")),
        City("天津", ("22",), 8, "2345678", ("和平区", "南开区", "河西区", "河北区")),
        City("重庆", ("23",), 8, "2345678", ("渝中区", "江北区", "南岸区", "沙坪坝区")),
        City("苏州", ("512",), 8, "2345678", ("姑苏区", "吴中区", "相城区", "虎丘区")),
    ),
    mobile=Mobile(
        (
            "130",
            "131",
            "132",
            "133",
            "135",
            "136",
            "137",
            "138",
            "139",
            "150",
            "151",
            "152",
            "153",
            "155",
            "156",
            "157",
            "158",
            "159",
            "180",
            "181",
            "182",
            "183",
            "185",
            "186",
            "187",
            "188",
            "189",
            "199",
        ),
        11,
    ),
    person=person,
    contact=person,
    company=company,
    address=address,
    web_suffixes=("com.cn", "cn", "com"),
    free_mail=("qq.com", "qq.com", "163.com", "126.com", "sina.com"),
    email_local=_email_local,
)

COUNTRIES = (CHINA,)
