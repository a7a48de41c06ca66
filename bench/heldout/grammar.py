"""Invented trade-union news text for the held-out page generator.

Everything here is written for this generator: invented people, invented companies and
communities, and template sentences about ordinary trade-union work.  The only real names
are Beijing's districts and townships, read from /work/shared/data/beijing-divisions.csv.
Nothing is taken from the sample pages.

The entry point is `Writer(rng, page_date)`; its methods return plain article parts
(paragraph strings, headline strings, byline facts).  Layout (wrapping, OCR noise,
headline placement) is done in generate.py.
"""
from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

DIVISIONS = Path("/work/shared/data/beijing-divisions.csv")

# ---------------------------------------------------------------- places

def load_places():
    rows = list(csv.DictReader(DIVISIONS.open(encoding="utf-8")))
    districts = [r["name"] for r in rows if r["level"] == "区"]
    shorts = {d: d[:-1] for d in districts}
    names = [r["name"] for r in rows if r["level"] in ("街道", "镇", "乡", "地区")]
    dup = {n for n in names if names.count(n) > 1}
    streets: dict[str, list[str]] = {d: [] for d in districts}
    for r in rows:
        n = r["name"]
        if r["level"] not in ("街道", "镇", "乡", "地区") or n in dup:
            continue
        # a township whose name contains another district's name (朝阳门街道, 大兴庄镇)
        # or any district name at all is left out so that the gold stays unambiguous
        if any(s in n for s in shorts.values()):
            continue
        streets[r["district"]].append(n)
    return districts, shorts, streets


DISTRICTS, DSHORT, STREETS = load_places()


def street_short(name: str) -> str:
    for suf in ("街道", "地区"):
        if name.endswith(suf) and len(name) > len(suf) + 1:
            return name[: -len(suf)]
    return name


def street_ref(name: str) -> str:
    for suf, ref in (("街道", "街道总工会"), ("地区", "地区总工会"), ("镇", "镇总工会"), ("乡", "乡总工会")):
        if name.endswith(suf):
            return ref
    return "该工会"


# ---------------------------------------------------------------- people

SURNAMES = list("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦史顾侯邵孟万段雷钱汤尹黎易常武乔贺赖龚文庞樊兰殷施陶翟安倪严牛温芦季俞章鲁葛韦申尤毕聂焦向柳邢骆岳齐沿梅莫庄辛管祝左涂谷祁时舒耿")
COMPOUND = ["欧阳", "司马", "上官", "诸葛", "东方", "慕容"]
GIVEN = list("晓雪丽静敏伟强磊军洋勇艳杰娟涛明超秀霞刚桂英华玉萍红玲芳燕彩春菊凤洁梅琳素云莲荣爱瑞凡佳嘉琼勤珍莉娣璐琦晶妍茜秋珊锦青倩婷婉娴颖露瑶怡雁蓓仪荷丹蓉君琴蕊薇菁梦岚婕馨韵园艺咏卿聪澜纯悦昭冰爽茗羽希宁欣育滢筠柔竹凝欢霄枫芸菲寒伊亚宜可舒影荔妮宝初程恒鸿桦剑娇纪宽灵琪晴容睿烁唯威韦雯萱彦宇雨忠宗曼逸贤翠振国建志永海峰鹏飞斌波辉俊德林泽博文浩然子梓轩晨铭天一思涵诗蕾楠迪鑫昊哲")


def person(rng, used=None) -> str:
    for _ in range(50):
        sur = rng.choice(COMPOUND) if rng.random() < 0.03 else rng.choice(SURNAMES)
        k = 1 if rng.random() < 0.35 else 2
        name = sur + "".join(rng.choice(GIVEN) for _ in range(k))
        if len(set(name)) < len(name):
            continue
        if used is not None:
            if name in used:
                continue
            used.add(name)
        return name
    return name


# ---------------------------------------------------------------- units

ENTERPRISES = [
    ("京源水务集团", "水务集团", "集团工会"), ("恒远物流公司", "恒远物流", "公司工会"),
    ("华夏精工集团", "华夏精工", "集团工会"), ("长风汽车零部件公司", "长风公司", "公司工会"),
    ("金鼎建设集团", "金鼎建设", "集团工会"), ("新航电子科技公司", "新航电子", "公司工会"),
    ("瑞泽医药集团", "瑞泽医药", "集团工会"), ("京安供热集团", "京安供热", "集团工会"),
    ("鼎盛餐饮集团", "鼎盛餐饮", "集团工会"), ("首通客运公司", "首通客运", "公司工会"),
    ("京泰环卫集团", "京泰环卫", "集团工会"), ("博远信息技术公司", "博远信息", "公司工会"),
    ("华联智能制造公司", "华联智造", "公司工会"), ("中科精密仪器厂", "精密仪器厂", "厂工会"),
    ("安泰物业服务集团", "安泰物业", "集团工会"), ("通达城市轨道公司", "通达轨道", "公司工会"),
    ("嘉禾食品集团", "嘉禾食品", "集团工会"), ("鸿运出租汽车公司", "鸿运出租", "公司工会"),
    ("京能新材料公司", "京能新材", "公司工会"), ("康宁养老服务中心", "康宁养老", "中心工会"),
]
SUBUNITS = ["第三项目部", "客运二分公司", "维修车间", "调度指挥中心", "第五车队", "运营一部", "机加工车间",
            "售后服务部", "热源厂", "检测中心", "第二施工段", "配送站", "装配车间", "保障部"]
INDUSTRY = [("市建设工会", "建设工会"), ("市卫生健康工会", "卫生健康工会"), ("市教育工会", "教育工会"),
            ("市商贸工会", "商贸工会"), ("市农林工会", "农林工会"), ("市交通运输工会", "交通工会"),
            ("市国防工会", "国防工会"), ("市金融工会", "金融工会")]
COMMUNITY_A = list("金华安康福瑞丰祥嘉景悦春秋翠怡馨宁欣锦")
COMMUNITY_B = ["园", "苑", "里", "庭", "居", "湾", "家园", "嘉园"]
PARKS = ["科技产业园", "物流园", "创意园", "智造园", "商务园"]

JOBS = ["电焊工", "数控车工", "公交驾驶员", "快递员", "外卖送餐员", "环卫工人", "社区工作者", "护士",
        "电工", "燃气巡检员", "调度员", "钳工", "保安员", "网约车司机", "装配工", "质检员", "食堂厨师"]
OFFICIAL_ROLES = ["主席", "副主席", "相关负责人", "工作人员", "经审会主任", "女职工委员会主任"]


# ---------------------------------------------------------------- topics
# Slots: {org} full organiser in the lede, {S} short organiser for headlines, {ref} later
# reference, {venue} where, {aud}/{aud2} beneficiaries, {item}/{item2}, {camp} campaign name,
# {n} {n2} {n3} numbers, {year}, {person} a named worker/official, {job}, {unit}.

TOPICS = [
    dict(key="清凉", months=(5, 6, 7, 8, 9),
         camp=["夏送清凉", "清凉一夏", "送清凉 保安康", "工会送清凉"],
         aud=["户外劳动者", "环卫工人", "快递小哥", "一线建筑工人", "交通协管员", "园林养护工人", "外卖送餐员"],
         item=["防暑降温用品", "绿豆", "藿香正气水", "清凉饮品", "毛巾", "遮阳帽", "西瓜", "矿泉水", "清凉油"],
         heads=["{S}为{aud}送清凉", "{S}“{camp}”活动走进一线", "{n}余名{aud}收到清凉礼包", "高温下{S}慰问一线{aud}",
                "{S}把清凉送到{aud}身边", "清凉礼包送到{aud}手中"],
         lede=["{org}{vp}开展“{camp}”慰问活动，为{n}余名{aud}送去{item}、{item2}等防暑物资",
               "{org}启动{year}年“{camp}”专项行动，首站来到{venue}，慰问坚守岗位的{aud}",
               "{org}工作人员冒着高温来到{venue}，把{item}和{item2}送到{aud}手中"],
         details=["慰问现场，工作人员一边分发{item}，一边叮嘱大家合理安排作息时间，做好防暑降温",
                  "此次活动共发放{item}{n2}箱、{item2}{n3}份，覆盖辖区{n3}个作业点位",
                  "据了解，今年的慰问物资由{ref}统一采购，重点向高温作业岗位倾斜",
                  "针对{aud}工作时间长、流动性强的特点，{ref}采取“点对点”方式把物资直接送到作业现场",
                  "除发放物资外，{ref}还联合医护人员为{aud}测量血压，讲解中暑急救常识"],
         quotes=["天这么热，工会还想着我们，这份清凉真是送到了心坎上", "有了这些降温用品，干活心里更踏实了"],
         photo_titles=["清凉礼包送到工地", "工会送来清凉茶", "高温一线送清凉", "冰爽西瓜慰问忙"],
         photo_caps=["{time}，{org}工作人员来到{venue}，为坚守岗位的{aud}送上{item}和{item2}"]),
    dict(key="助学", months=(6, 7, 8, 9, 10),
         camp=["金秋助学", "圆梦助学", "爱心助学"],
         aud=["困难职工子女", "新入学大学生", "建档困难职工家庭学生"],
         item=["助学金", "学习用品", "书包", "励志书籍"],
         heads=["{S}{camp}资助{n}名学子", "{S}为困难职工子女圆大学梦", "{n}名学子领到{S}助学金",
                "{S}金秋助学送温暖"],
         lede=["{org}举行{year}年“{camp}”活动发放仪式，为{n}名{aud}送去{item}",
               "{org}向{n}名{aud}发放{item}共计{n2}万元，帮助他们顺利走进大学校园"],
         details=["据介绍，今年的资助对象主要为建档困难职工家庭中当年考入高校的子女",
                  "发放仪式上，受助学生代表发言，表示将珍惜机会、刻苦学习",
                  "为保证资金及时发放，{ref}简化审核流程，实行网上申请、线下核实",
                  "{ref}还为每名受助学生准备了{item2}，并送上寄语"],
         quotes=["感谢工会的帮助，我一定好好学习，将来回报社会", "这笔钱解了我们家的燃眉之急"],
         photo_titles=["助学金送到学子手中", "金秋助学暖人心"],
         photo_caps=["{time}，{org}为{aud}发放{item}，受助学生接过证书"]),
    dict(key="竞赛",
         camp=["职工职业技能大赛", "岗位练兵技术比武", "劳动和技能竞赛", "青年职工技能比赛"],
         aud=["一线技术工人", "青年职工", "参赛选手", "技术骨干"],
         item=["荣誉证书", "奖金", "技术能手称号"],
         heads=["{S}技能比武赛出好手", "{n}名{aud}同台竞技", "{S}举办{camp}", "比技能 展风采 {S}岗位练兵热"],
         lede=["{org}{vp}举办{year}年{camp}，来自{n}家单位的{n2}名{aud}参加比赛",
               "由{org}主办的{camp}{vp}落下帷幕，{n}名{aud}经过激烈角逐决出名次"],
         details=["比赛分为理论考试和实际操作两个部分，重点考察选手的规范操作和应急处置能力",
                  "实操现场，选手们严格按照流程作业，动作规范、配合默契",
                  "最终，{n3}名选手获得一等奖，并将被推荐参加全市决赛",
                  "{ref}相关负责人表示，以赛促学、以赛促练，是提升职工技能素质的有效途径"],
         quotes=["比赛让我看到了自己的不足，回去还要继续练", "能和高手过招，收获特别大"],
         photo_titles=["技能比武展风采", "练兵场上比高低"],
         photo_caps=["{time}，{org}举办{camp}，选手们在比赛中认真操作"]),
    dict(key="劳模",
         camp=["劳模工匠进基层", "劳模精神宣讲", "劳模创新工作室开放日"],
         aud=["青年职工", "基层职工", "一线员工", "学徒"],
         item=["技术心得", "创新成果"],
         heads=["{S}请劳模讲述奋斗故事", "劳模工匠走进{venue}", "{S}劳模宣讲进基层", "劳模创新工作室带出{n}名徒弟"],
         lede=["{org}组织开展“{camp}”活动，邀请{n}名劳动模范和大国工匠走进{venue}，与{aud}面对面交流",
               "{org}{vp}举办“{camp}”主题活动，劳模代表{person}分享了自己扎根一线的经历"],
         details=["宣讲中，劳模们结合自身经历，讲述了在平凡岗位上攻坚克难、精益求精的故事",
                  "据了解，{ref}已命名劳模创新工作室{n3}家，累计解决技术难题{n2}项",
                  "交流环节，{aud}踊跃提问，劳模们一一耐心解答",
                  "活动还设置了技术展示环节，劳模现场演示了自己研发的操作方法"],
         quotes=["劳模就在我们身边，他们的故事让我很受触动", "只要肯钻研，普通岗位也能干出名堂"],
         photo_titles=["劳模讲述奋斗故事", "工匠课堂进车间"],
         photo_caps=["{time}，劳模代表{person}在{venue}向{aud}传授{item}"]),
    dict(key="书屋",
         camp=["职工书屋", "书香工会", "职工读书月", "悦读悦享"],
         aud=["职工", "一线员工", "职工家属"],
         item=["图书", "电子阅读卡", "期刊"],
         heads=["{S}职工书屋飘书香", "{S}为职工书屋配送{n}册图书", "“{camp}”活动走进{venue}", "{S}读书分享会开讲"],
         lede=["{org}{vp}开展“{camp}”主题活动，向基层职工书屋配送{item}{n}余册",
               "{org}举办“{camp}”读书分享会，{n}余名{aud}围绕好书展开交流"],
         details=["此次配送的图书涵盖党史学习、法律常识、技术技能、文化生活等类别",
                  "分享会上，{aud}代表结合工作体会，讲述了阅读带来的收获",
                  "据了解，{ref}今年计划新建和提升职工书屋{n3}家",
                  "不少{aud}表示，书屋就建在身边，下了班也能安静读一会儿书"],
         quotes=["书屋就在车间旁边，休息时就能过来看书", "读书让我在工作中多了不少新点子"],
         photo_titles=["书香浸润职工心", "职工书屋里读书忙"],
         photo_caps=["{time}，{aud}在{venue}的职工书屋内阅读新配送的图书"]),
    dict(key="普法",
         camp=["工会普法", "法律服务进企业", "劳动法律监督", "尊法守法 携手筑梦"],
         aud=["职工", "新入职员工", "农民工", "企业管理人员"],
         item=["宣传手册", "法律服务卡"],
         heads=["{S}普法宣传进{venue}", "律师走进企业为职工解难题", "{S}法律服务送到职工身边", "{n}名职工现场咨询劳动法律问题"],
         lede=["{org}{vp}开展“{camp}”主题宣传活动，为{aud}讲解劳动合同、工资支付、工伤认定等法律知识",
               "{org}组织工会律师来到{venue}，为{n}余名{aud}提供面对面法律咨询"],
         details=["活动现场，工作人员通过发放{item}、设置咨询台等方式开展宣传，{n2}余人次受益",
                  "律师结合典型案例，对加班费计算、劳动合同解除等职工关心的问题进行解读",
                  "{ref}相关负责人介绍，今年以来已调解劳动争议案件{n3}件，为职工挽回经济损失{n2}万余元",
                  "针对现场提出的问题，律师逐一记录，并约定后续跟进服务"],
         quotes=["以前不知道这些规定，今天听完心里有底了", "律师讲得很实在，遇到问题知道该找谁了"],
         photo_titles=["法律咨询进工地", "普法宣传面对面"],
         photo_caps=["{time}，工会律师在{venue}为{aud}解答劳动法律问题"]),
    dict(key="入会",
         camp=["新就业形态劳动者入会集中行动", "暖心驿站", "八大群体入会", "会员服务月"],
         aud=["快递员", "外卖送餐员", "网约车司机", "货车司机", "网约配送员"],
         item=["会员服务卡", "暖心礼包", "骑行护具"],
         heads=["{n}名{aud}加入工会", "{S}开展新就业形态劳动者入会集中行动", "{aud}有了“娘家”", "{S}为{aud}送上暖心礼包"],
         lede=["{org}{vp}开展{camp}，现场为{n}名{aud}办理入会手续",
               "{org}联合辖区平台企业举办入会仪式，{n}余名{aud}成为工会会员"],
         details=["现场，工作人员向{aud}介绍了工会会员可以享受的各项服务，并发放{item}",
                  "据统计，今年以来{ref}累计吸纳新就业形态劳动者入会{n2}余人",
                  "为方便{aud}入会，{ref}开通了扫码入会渠道，随时随地即可完成申请",
                  "入会后，{aud}可享受职工互助保障、免费体检、法律援助等服务"],
         quotes=["入了会，感觉在这个城市有了依靠", "工会的服务很实在，以后有事就找工会"],
         photo_titles=["快递小哥入会了", "暖心礼包送骑手"],
         photo_caps=["{time}，{org}在{venue}为{aud}办理入会手续"]),
    dict(key="驿站",
         camp=["户外劳动者服务站点", "工会暖心驿站", "职工之家"],
         aud=["户外劳动者", "环卫工人", "快递员", "出租车司机"],
         item=["微波炉", "饮水机", "急救药箱", "手机充电设备"],
         heads=["{S}新建{n}家户外劳动者服务站点", "暖心驿站让{aud}歇歇脚", "{S}驿站服务升级", "{venue}工会驿站投用"],
         lede=["{org}在{venue}新建的户外劳动者服务站点正式投入使用，为{aud}提供饮水、休息、充电等服务",
               "{org}{vp}对辖区{n}家“{camp}”进行提档升级，新增{item}、{item2}等设施"],
         details=["服务站点内配备了{item}、{item2}等设施，{aud}可随时进来歇脚",
                  "据了解，{ref}已在辖区建成服务站点{n3}家，基本实现重点区域全覆盖",
                  "站点实行专人管理，每天早七点至晚八点开放，节假日照常服务",
                  "{ref}还在站点张贴了服务地图，方便{aud}就近查找"],
         quotes=["以前吃饭只能蹲在路边，现在有地方热饭、喝水了", "跑累了能进来歇一会儿，特别方便"],
         photo_titles=["驿站里歇歇脚", "暖心驿站开门迎客"],
         photo_caps=["{time}，{aud}在{venue}的工会驿站内休息"]),
    dict(key="健康",
         camp=["职工健康讲座", "心理关爱", "健康体检进企业", "职工健康月"],
         aud=["职工", "女职工", "一线员工", "医护人员"],
         item=["体检卡", "健康手册", "按摩仪"],
         heads=["{S}为{n}名职工免费体检", "心理专家走进{venue}", "{S}关注职工身心健康", "健康讲座送到职工身边"],
         lede=["{org}{vp}举办“{camp}”活动，邀请专家为{n}余名{aud}讲解慢性病预防和心理调适知识",
               "{org}组织{n}名{aud}参加免费健康体检，体检项目涵盖血常规、心电图等{n3}项"],
         details=["讲座中，专家围绕颈椎病预防、合理膳食、缓解压力等内容进行讲解",
                  "现场还设置了心理测评区，{aud}可通过问卷了解自己的心理状态",
                  "{ref}相关负责人介绍，关心职工身心健康是工会服务的重要内容",
                  "活动结束后，{ref}为每位参加者发放了{item}"],
         quotes=["讲座内容很实用，回去就按专家说的调整作息", "单位组织体检，大家都很放心"],
         photo_titles=["健康义诊进车间", "职工体检暖人心"],
         photo_caps=["{time}，医护人员在{venue}为{aud}测量血压"]),
    dict(key="文体",
         camp=["职工趣味运动会", "职工健步走", "职工篮球赛", "职工广场舞展演", "职工文艺汇演"],
         aud=["职工", "参赛队员", "职工群众"],
         item=["奖杯", "纪念品", "运动装备"],
         heads=["{S}举办{camp}", "{n}名职工健步走迎新春", "{S}{camp}激发职工活力", "{venue}{camp}热闹开赛"],
         lede=["{org}{vp}举办{year}年{camp}，{n}支代表队的{n2}余名{aud}参加",
               "由{org}主办的{camp}{vp}开幕，吸引{n2}余名{aud}参与"],
         details=["比赛设置了拔河、跳绳、托球跑等{n3}个项目，既考验个人能力，又讲究团队配合",
                  "赛场上，{aud}们你追我赶、奋勇争先，加油声此起彼伏",
                  "{ref}相关负责人表示，举办此类活动旨在丰富职工业余文化生活，增强团队凝聚力",
                  "最终，{n3}支队伍获得团体奖，{n}名队员获得个人奖项"],
         quotes=["平时工作忙，难得和同事们一起运动，特别开心", "比赛让我们部门的人更团结了"],
         photo_titles=["职工运动会展风采", "拔河比赛热火朝天"],
         photo_caps=["{time}，{org}举办{camp}，{aud}在拔河比赛中奋力拼搏"]),
    dict(key="安全",
         camp=["安全生产月", "应急救护培训", "安康杯竞赛", "消防安全演练"],
         aud=["一线职工", "班组长", "安全员"],
         item=["应急包", "安全手册", "灭火器"],
         heads=["{S}开展应急演练", "{S}“{camp}”活动筑牢安全防线", "{n}名班组长参加安全培训", "安全知识送到班组"],
         lede=["{org}{vp}开展“{camp}”主题活动，组织{n}余名{aud}参加应急演练和安全知识培训",
               "{org}联合应急部门在{venue}举办应急救护培训，{n}名{aud}学习心肺复苏等急救技能"],
         details=["演练模拟了火情发现、报警、疏散和初期火灾扑救等环节",
                  "培训老师现场示范心肺复苏和止血包扎，{aud}分组进行实操练习",
                  "{ref}还组织开展隐患排查，共发现并整改问题{n3}处",
                  "据了解，“{camp}”活动将持续到月底，覆盖辖区所有基层工会"],
         quotes=["亲手练一遍，比看十遍视频都管用", "安全无小事，这样的培训很有必要"],
         photo_titles=["应急演练进企业", "急救技能练起来"],
         photo_caps=["{time}，{aud}在{venue}参加应急演练"]),
    dict(key="帮扶",
         camp=["两节送温暖", "冬送温暖", "困难职工帮扶", "节日慰问"],
         aud=["困难职工", "一线职工", "劳模", "坚守岗位的职工"],
         item=["慰问金", "米面油", "年货", "棉衣"],
         heads=["{S}走访慰问{n}户困难职工", "{S}把温暖送到职工家中", "{S}“{camp}”覆盖{n}名职工", "节日慰问送到一线"],
         lede=["{org}领导班子分组深入基层开展“{camp}”活动，走访慰问{n}户{aud}，送去{item}和{item2}",
               "{org}{vp}开展“{camp}”专项工作，向{n}名{aud}发放{item}共计{n2}万元"],
         details=["每到一户，慰问组都详细询问职工的家庭收入、身体状况和子女上学情况",
                  "据了解，今年的慰问范围进一步扩大，重点向新就业形态劳动者和一线职工倾斜",
                  "{ref}要求各基层工会建立帮扶台账，做到精准识别、精准帮扶",
                  "慰问中，{ref}负责人鼓励大家坚定信心、克服困难"],
         quotes=["工会一直惦记着我们，心里暖乎乎的", "有困难找工会，这话一点不假"],
         photo_titles=["温暖送到职工家", "节日慰问进一线"],
         photo_caps=["{time}，{org}工作人员走访慰问{aud}，送上{item}"]),
    dict(key="女工",
         camp=["爱心妈咪小屋", "女职工权益保护", "巾帼建功", "三八节主题活动"],
         aud=["女职工", "孕哺期女职工", "一线女职工"],
         item=["鲜花", "护手霜", "书籍"],
         heads=["{S}新建{n}家爱心妈咪小屋", "{S}为女职工送上节日祝福", "女职工权益保护宣传进{venue}", "巾帼风采 {S}表彰先进女职工"],
         lede=["{org}在{venue}新建的“爱心妈咪小屋”正式启用，为{aud}提供私密、温馨的休息空间",
               "{org}{vp}举办“{camp}”活动，{n}余名{aud}参加"],
         details=["小屋内配备了冰箱、沙发、消毒柜等设施，满足{aud}的特殊需求",
                  "活动中，工作人员向{aud}宣讲了女职工劳动保护特别规定",
                  "据介绍，{ref}已建成“爱心妈咪小屋”{n3}家",
                  "{ref}还为{aud}准备了{item}，送上节日祝福"],
         quotes=["有了这个小屋，哺乳期上班方便多了", "工会想得很周到，我们特别感动"],
         photo_titles=["爱心小屋暖人心", "巾帼风采展英姿"],
         photo_caps=["{time}，{aud}在{venue}参加{camp}活动"]),
    dict(key="协商",
         camp=["工资集体协商", "厂务公开", "职代会", "和谐劳动关系创建"],
         aud=["职工代表", "企业方代表", "职工"],
         item=["集体合同", "专项协议"],
         heads=["{S}推动{n}家企业签订集体合同", "{S}召开职工代表大会", "职工代表与企业面对面协商", "{S}和谐劳动关系创建见成效"],
         lede=["{org}{vp}召开“{camp}”推进会，{n}家企业的职工代表和企业方代表参加",
               "{org}指导辖区{n}家企业开展{camp}，涉及职工{n2}余人"],
         details=["协商会上，双方围绕工资增长幅度、带薪休假、劳动保护等内容进行了充分沟通",
                  "经过{n3}轮协商，双方就工资调整方案达成一致，并当场签订{item}",
                  "{ref}相关负责人介绍，集体协商让职工的合理诉求有了表达渠道",
                  "下一步，{ref}将加强对合同履行情况的监督检查"],
         quotes=["协商时我们提的意见，企业都认真考虑了", "签了合同，大家干活更有劲头"],
         photo_titles=["协商会上面对面", "职代会现场"],
         photo_caps=["{time}，{venue}召开职工代表大会，职工代表举手表决"]),
    dict(key="创新",
         camp=["职工创新成果展", "合理化建议征集", "职工创新工作室", "五小创新"],
         aud=["一线职工", "技术人员", "职工创新团队"],
         item=["创新成果", "合理化建议"],
         heads=["{S}{n}项职工创新成果获表彰", "{S}征集合理化建议{n}条", "小发明解决大难题", "{S}职工创新工作室挂牌"],
         lede=["{org}{vp}举办{camp}，集中展示{n}项{item}",
               "{org}开展“{camp}”活动，共收到{aud}提出的{item2}{n2}条"],
         details=["参展项目涵盖设备改造、工艺优化、节能降耗等多个领域",
                  "据测算，这些{item}投入使用后每年可节约成本{n3}万余元",
                  "{ref}将对优秀项目给予资金奖励，并推荐参加全市评选",
                  "{ref}相关负责人表示，职工是创新的主体，要让好点子落地生根"],
         quotes=["这个小改造让我们班组的效率提高了一倍", "工会的支持给了我们搞创新的底气"],
         photo_titles=["创新成果亮出来", "小发明现场展示"],
         photo_caps=["{time}，{aud}在{venue}展示自己研制的{item}"]),
]

GENERIC_DETAILS = [
    "活动得到了基层工会的积极响应，各单位结合实际制定了具体方案",
    "为扩大覆盖面，{ref}通过微信公众号提前发布活动信息，职工可在线报名",
    "据统计，活动开展以来，{ref}已累计投入资金{n3}万元",
    "{ref}还组建了由工会干部和志愿者组成的服务队，确保各项工作有序推进",
    "不少职工表示，工会的服务越来越贴心，参与的积极性也越来越高",
    "在前期调研中，{ref}发放调查问卷{n2}份，广泛征求职工意见",
    "此次活动也是{ref}“我为职工办实事”实践活动的重要内容之一",
    "据了解，此次活动覆盖{n3}家基层工会，惠及职工{n2}余人",
    "{ref}相关负责人介绍，今年以来，{ref}坚持把服务职工作为工作的出发点和落脚点，不断创新服务方式",
    "活动现场气氛热烈，不少职工拿出手机拍照留念",
    "为确保活动效果，{ref}提前摸排需求，制定了详细的工作方案",
    "活动采取线上线下相结合的方式，线上累计参与人数达{n2}余人次",
    "与往年相比，今年的活动内容更加丰富，服务对象范围也进一步扩大",
]
CLOSINGS = [
    "据介绍，{ref}将把此项活动作为常态化工作长期开展下去",
    "下一步，{ref}将进一步扩大服务覆盖面，让更多基层职工受益",
    "{ref}相关负责人表示，下一步将加强跟踪问效，确保各项措施落到实处",
    "下一步，{ref}将继续把这项工作抓实抓细，让更多职工感受到工会组织的温暖",
    "{ref}表示，将以此次活动为契机，进一步完善服务职工的长效机制",
    "据悉，类似活动今年还将陆续举办{n3}场",
    "下一步，{ref}将总结经验做法，推动各项服务措施落地见效",
    "{ref}负责人表示，将持续关注职工需求，把好事办好、实事办实",
]
QUOTE_FRAMES = [
    "“{q}。”{unit}{job}{person}说。",
    "{unit}{job}{person}告诉记者：“{q}。”",
    "“{q}！”刚刚参加完活动的{person}说。",
]
OFFICIAL_FRAMES = [
    "{ref}{role}{person}表示，{q2}",
    "{ref}{role}{person}介绍，{q2}",
]
OFFICIAL_Q = [
    "工会将进一步聚焦职工急难愁盼问题，用心用情做好服务",
    "希望通过这样的活动，把工会的关爱实实在在送到职工身边",
    "下一步还将总结经验，把好的做法固定下来、推广开来",
    "做好职工服务工作，关键在于精准对接需求",
]

KICKERS = ["聚焦一线 服务职工", "用心用情 办好实事", "{S}多措并举", "持续开展“{camp}”活动", "我为职工办实事",
           "关爱劳动者 工会在行动", "学习贯彻会议精神 推动工会工作落实", "{year}年“{camp}”系列报道"]
SUBTITLES = ["{n}余名{aud}受益", "共设置{n3}个服务点位", "覆盖辖区{n}家基层工会", "{n2}余人次参与",
             "首批{n3}家单位参与试点", "今年将惠及{n2}余名职工"]

BRIEF_BANNERS = ["■简讯", "简讯", "■短讯", "【简讯】", "工会简讯", "■基层动态"]
PHOTO_BANNERS = ["■图片新闻", "图片新闻", "■图说"]
COLUMNS = ["工会干部下沉日记", "一线心声", "职工说事", "我的工会故事", "劳动者之歌", "工会干部手记"]
COLUMN_UNITS = ["市总工会宣教部", "市总工会权益保障部", "市职工服务中心", "市总工会机关", "市职工体育服务中心",
                "北京市工会干部学院", "市劳动人民文化宫", "市总工会组织部"]
SECTIONS = ["要闻", "工会", "综合", "职工", "基层", "社会", "专题"]

FEATURE_SUBHEADS_PLAIN = ["从零起步 扎根一线", "钻研技术 攻克难题", "传帮带 带出好队伍", "守护平安 默默奉献",
                         "初心不改 一路前行", "服务职工 用心用情", "小岗位 大担当", "精益求精 追求极致"]
FEATURE_QUOTES = ["干一行就要爱一行", "把每一个细节做到位", "只要职工需要，我就在", "技术是练出来的",
                  "岗位平凡也能出彩", "把小事当成大事来办"]


# ---------------------------------------------------------------- writer

CN_NUM = "一二三四五六七八九十"


class Writer:
    def __init__(self, rng, page_date: dt.date):
        self.rng = rng
        self.date = page_date
        self.used_names: set[str] = set()
        self.used_topics: list[str] = []
        self.used_tpl: set[str] = set()
        self.used_heads: set[str] = set()

    def unique(self, make, tries=30):
        """A headline not yet printed on this page."""
        for _ in range(tries):
            h = make()
            if h not in self.used_heads:
                break
        else:
            h = make() + self.pick(["见实效", "受欢迎", "暖人心", "获点赞", "显成效"])
        self.used_heads.add(h)
        return h

    def take(self, pool):
        """Pop a template from pool (or any generic one) and remember it as used on this page."""
        if pool:
            t = pool.pop(self.rng.randrange(len(pool)))
        else:
            t = self.pick(GENERIC_DETAILS)
        self.used_tpl.add(t)
        return t

    # -- small helpers
    def name(self) -> str:
        return person(self.rng, self.used_names)

    def pick(self, seq):
        return self.rng.choice(seq)

    def recent(self, back_max=12) -> dt.date:
        return self.date - dt.timedelta(days=self.rng.randint(1, back_max))

    def md(self, d: dt.date) -> str:
        return f"{d.month}月{d.day}日"

    def time_phrase(self) -> str:
        r = self.rng.random()
        if r < 0.35:
            return self.pick(["近日", "日前", "连日来", "上周", "本周"])
        if r < 0.55:
            return "昨天"
        return self.md(self.recent())

    def community(self) -> str:
        a = self.rng.sample(COMMUNITY_A, 2)
        return "".join(a) + self.pick(COMMUNITY_B) + "社区"

    # -- scope: who organises and where (decides the gold districts)
    def scope(self, kind_hint="news"):
        rng = self.rng
        r = rng.random()
        if r < 0.34:
            d = self.pick([x for x in DISTRICTS if STREETS[x]])
            s = DSHORT[d]
            st = self.pick(STREETS[d])
            venue = self.pick([st, st + self.community(), s + self.pick(PARKS)])
            sc = dict(type="district", districts=[d], org=f"{d}总工会",
                      S=self.pick([f"{s}工会", f"{d}总工会", f"{s}区总工会", s]),
                      ref="区总工会", venue=venue, place=venue)
        elif r < 0.56:
            d = self.pick([x for x in DISTRICTS if STREETS[x]])
            st = self.pick(STREETS[d])
            full = self.pick([f"{st}总工会", f"{st}总工会", f"{d}{st}总工会"])
            sc = dict(type="street", districts=[d], org=full,
                      S=self.pick([f"{street_short(st)}工会", f"{st}总工会", f"{street_short(st)}"]),
                      ref=street_ref(st), venue=self.pick([self.community(), f"辖区{self.pick(PARKS)}"]),
                      place=st + self.community())
        elif r < 0.62:
            d1, d2 = rng.sample(DISTRICTS, 2)
            sc = dict(type="two", districts=[d1, d2], org=f"{d1}总工会与{d2}总工会",
                      S=f"{DSHORT[d1]}{DSHORT[d2]}两区工会", ref="两区总工会",
                      venue=self.pick([f"{DSHORT[d1]}{self.pick(PARKS)}", self.pick(STREETS[d1] or ["活动现场"])]))
        elif r < 0.80:
            full, short, ref = self.pick(ENTERPRISES)
            sc = dict(type="enterprise", districts=[],
                      org=self.pick([f"{full}工会", f"北京{full}工会"]),
                      S=self.pick([f"{short}工会", f"{short}"]), ref=ref, venue=f"{short}{self.pick(SUBUNITS)}")
        elif r < 0.88:
            full, short = self.pick(INDUSTRY)
            sc = dict(type="industry", districts=[], org=full, S=full, ref=short,
                      venue=self.pick(["系统内各基层单位", "各会员单位", "活动现场"]))
        elif r < 0.96:
            sc = dict(type="city", districts=[], org=self.pick(["市总工会", "北京市总工会", "本市各级工会"]),
                      S=self.pick(["市总工会", "本市", "全市各级工会"]), ref="市总工会",
                      venue=self.pick(["全市各区", "各区和产业工会", "多个基层站点"]))
        else:
            sc = dict(type="national", districts=[], org=self.pick(["全国总工会", "中华全国总工会"]),
                      S=self.pick(["全总", "全国总工会"]), ref="全国总工会", venue="各地")
        sc.setdefault("place", sc["venue"])
        return sc

    def slots(self, sc, topic):
        rng = self.rng
        aud = rng.sample(topic["aud"], 2) if len(topic["aud"]) > 1 else topic["aud"] * 2
        item = rng.sample(topic["item"], 2) if len(topic["item"]) > 1 else topic["item"] * 2
        venue = sc["venue"]
        vp = "" if sc["type"] in ("city", "national", "industry") else self.pick(["在" + venue, "走进" + venue, ""])
        return dict(org=sc["org"], S=sc["S"], ref=sc["ref"], venue=venue, vp=vp, aud=aud[0], aud2=aud[1],
                    item=item[0], item2=item[1], camp=self.pick(topic["camp"]),
                    n=str(rng.choice([rng.randint(2, 9) * 10, rng.randint(12, 99), rng.randint(10, 60) * 10])),
                    n2=str(rng.randint(2, 300) * 10), n3=str(rng.randint(3, 30)), year=str(self.date.year),
                    person=self.name(), job=self.pick(JOBS), unit=self.pick(["", "", venue]),
                    role=self.pick(OFFICIAL_ROLES), time=self.time_phrase())

    def topic(self):
        season = [t for t in TOPICS if self.date.month in t.get("months", range(1, 13))]
        cands = [t for t in season if t["key"] not in self.used_topics] or season
        t = self.pick(cands)
        self.used_topics.append(t["key"])
        return t

    @staticmethod
    def fill(tpl: str, sl: dict) -> str:
        return tpl.format(**sl)

    def incidental(self, sc) -> str | None:
        """One passing mention of a district that the article is not about (not tagged)."""
        others = [d for d in DISTRICTS if d not in sc["districts"]]
        d = self.pick(others)
        return self.pick([f"此前，{d}总工会也开展过类似的服务活动",
                          f"活动方案借鉴了{d}总工会的经验做法",
                          f"来自{d}的一名参赛选手也分享了自己的体会"])

    # -- paragraphs of a news report
    def news_paragraphs(self, sc, topic, sl, n_par, opening: str, incidental=False):
        rng = self.rng
        lede = self.fill(self.pick(topic["lede"]), sl)
        first = f"{opening}{sl['time']}，{lede}。"
        extra = rng.random()
        if extra < 0.5:
            first += self.fill(self.take([t for t in topic["details"] if t not in self.used_tpl] or list(topic["details"])), sl) + "。"
        pars = [first]
        pool = [t for t in topic["details"] + GENERIC_DETAILS if t not in self.used_tpl]
        rng.shuffle(pool)
        qs = list(topic["quotes"])
        while len(pars) < n_par - 1:
            r = rng.random()
            if r < 0.25 and qs:
                q = qs.pop(rng.randrange(len(qs)))
                sl2 = dict(sl, person=self.name(), unit=sl["unit"] if rng.random() < 0.3 else "")
                pars.append(self.fill(self.pick(QUOTE_FRAMES), dict(sl2, q=q)))
            elif r < 0.4:
                sl2 = dict(sl, person=self.name())
                pars.append(self.fill(self.pick(OFFICIAL_FRAMES), dict(sl2, q2=self.pick(OFFICIAL_Q))) + "。")
            else:
                k = rng.randint(1, 3)
                sents = [self.fill(self.take(pool), sl) for _ in range(k)]
                pars.append("。".join(sents) + "。")
        if n_par > 1:
            pars.append(self.fill(self.take([c for c in CLOSINGS if c not in self.used_tpl] or list(CLOSINGS)), sl) + "。")
        if incidental and len(pars) >= 3:
            i = rng.randrange(2, len(pars))
            pars[i] = pars[i] + self.incidental(sc) + "。"
        return pars

    def headline(self, topic, sl):
        return self.unique(lambda: self.fill(self.pick(topic["heads"]), sl))

    def kicker(self, sl):
        return self.unique(lambda: self.fill(self.pick(KICKERS), sl))

    def subtitle(self, sl):
        return self.unique(lambda: self.fill(self.pick(SUBTITLES), sl))

    # -- a feature (通讯) about a person
    def feature(self, sc, topic, sl):
        rng = self.rng
        hero = self.name()
        job = self.pick(JOBS)
        place = sl["venue"]
        years = rng.randint(8, 30)
        quote = self.pick(FEATURE_QUOTES)
        title = self.unique(lambda: self.pick([f"{hero}：{quote}", f"“{quote}”", f"{job}{hero}的{rng.randint(2, 20)}年坚守",
                                               f"{sl['S']}{job}{hero}：岗位上的“多面手”"]))
        dash = f"——记{sl['org'].replace('总工会', '').replace('工会', '')}{job}{hero}"
        pars = [f"在{place}，提起{job}{hero}，大家都会竖起大拇指。{years}年来，{hero}扎根一线岗位，"
                f"从一名普通职工成长为业务骨干，先后获得“{self.pick(['首都劳动奖章', '北京市劳动模范', '首都市民学习之星', '优秀工会积极分子'])}”等荣誉。"]
        n_sec = rng.randint(2, 4)
        subheads = rng.sample(FEATURE_SUBHEADS_PLAIN, n_sec)
        sections = []
        pool = [
                    f"刚参加工作时，{hero}对业务一窍不通。为了尽快上手，{self.pick(['他', '她'])}白天跟着师傅学，晚上回家啃书本，笔记记了厚厚{rng.randint(3, 12)}本。",
                    f"“{self.pick(FEATURE_QUOTES)}。”这是{hero}常挂在嘴边的一句话。遇到难题，{hero}总是第一个站出来。",
                    f"有一年冬天，设备突发故障，{hero}带着班组连续奋战{rng.randint(6, 30)}个小时，终于排除了隐患。",
                    f"这些年，{hero}先后带出徒弟{rng.randint(5, 40)}名，其中不少人已成长为班组长。",
                    f"在工会的支持下，以{hero}名字命名的创新工作室挂牌成立，累计完成技术革新{rng.randint(5, 60)}项。",
                    f"同事们说，{hero}干活有股子钻劲儿，再复杂的活儿到了{self.pick(['他', '她'])}手里都能理得清清楚楚。",
                    f"师傅退休前把一本工作笔记交给了{hero}，这本笔记{self.pick(['他', '她'])}一直带在身边。",
                    f"去年，班组承担了一项急难任务，{hero}带领大家提前{rng.randint(2, 9)}天完成。",
                    f"在{hero}看来，安全和质量永远排在第一位，每道工序都要亲自过一遍。",
                    f"工作之余，{hero}还是工会的志愿者，经常参加社区服务活动。",
                    f"谈起未来，{hero}说，自己会继续守好岗位，把手艺传给更多年轻人。",
                ]
        rng.shuffle(pool)
        for si, sh in enumerate(subheads):
            body = [pool.pop() for _ in range(rng.randint(1, 3)) if pool]
            sections.append((sh, body or [f"{hero}说，这些年最大的收获是和同事们一起成长。"]))
        style = rng.choice(["plain", "square", "number", "quote"])
        out_sections = []
        for si, (sh, body) in enumerate(sections):
            if style == "square":
                sh = "■" + sh
            elif style == "number":
                sh = CN_NUM[si] + "、" + sh
            elif style == "quote":
                sh = "“" + self.pick([q for q in FEATURE_QUOTES if q not in title]) + "”"
            out_sections.append((sh, body))
        return dict(title=title, dash=dash, lede=pars, sections=out_sections, hero=hero, style=style)

    # -- a column piece (first person)
    def column(self, sc, sl):
        rng = self.rng
        d = self.recent(20)
        place = sl["venue"]
        who = self.pick(["党员干部", "工会干部", "志愿者"])
        pars = []
        dl = rng.random() < 0.5
        if dl:
            pars.append(self.md(d))
        pars += [
            f"{'这天' if dl else self.md(d)}，我作为{who}来到{place}，开始了为期{rng.randint(2, 8)}周的基层服务。这里的工作对我来说是全新的，虽然辛苦，但收获很多。",
            self.pick([f"刚到的第一天，社区书记就带着我熟悉情况。辖区有居民楼{rng.randint(10, 60)}栋，常住人口{rng.randint(2000, 9000)}人，任务不轻。",
                       "每天早上七点，我准时到岗，登记信息、维持秩序、解答群众疑问，一天下来常常顾不上喝口水。"]),
            self.pick(["让我感动的是，很多居民主动送来热水和口罩，还有人悄悄在门岗放下一箱水果。",
                       "一次深夜值守，一位老人专门给我们送来了自己包的饺子，那一刻我觉得所有的辛苦都值得。"]),
            self.pick(["这段经历让我更加懂得，工会干部只有扎根基层，才能真正了解职工群众的所思所盼。",
                       "我将把在基层学到的经验带回工作岗位，用更扎实的作风服务职工。"]),
        ]
        title = self.unique(lambda: self.pick(["一次值守 一份感动", "“有需要，我就在”", "在基层读懂“为民”二字",
                                               "守好门岗 暖好人心", "把心沉下去", "社区里的那盏灯"]))
        return dict(title=title, pars=pars)

    # -- a column commentary
    def commentary(self, topic, sl):
        t = self.pick(topic["camp"])
        pars = [f"近来，不少地方的工会组织开展了“{t}”活动，受到职工欢迎。这提醒我们，服务职工贵在精准。",
                "一些活动之所以叫好又叫座，关键在于事先摸清了职工真正需要什么，而不是“我有什么就送什么”。",
                "工会工作没有小事。把职工的小事当成大事来办，才能赢得职工的信任。"]
        title = self.unique(lambda: self.pick([f"让“{t}”更贴近职工", "服务职工贵在精准", "把小事当成大事来办"]))
        return dict(title=title, pars=pars)

    def continuation(self, sc, topic, sl):
        pars = []
        openers = ["据了解，", "此外，", "同时，", "与此同时，", "记者了解到，", "另外，"]
        pool = [t for t in topic["details"] + GENERIC_DETAILS if t not in self.used_tpl]
        for i in range(self.rng.randint(2, 4)):
            k = self.rng.randint(1, 3)
            s = "。".join(self.fill(self.take(pool), sl) for _ in range(k))
            pars.append((openers[i % len(openers)] if i == 0 or self.rng.random() < 0.5 else "") + s + "。")
        pars.append(self.fill(self.pick(CLOSINGS), sl) + "。")
        return pars

    def ad(self):
        rng = self.rng
        return self.pick([
            ["广告"],
            ["广告", f"{self.pick(['诚信家政', '安心搬家', '京城口腔', '百姓眼镜'])}服务热线：{rng.randint(60000000, 89999999)}"],
            [f"{self.pick(['华康', '瑞丰', '金桥'])}牌{self.pick(['空调', '净水器', '电动车'])} 以旧换新 限时优惠", f"咨询电话：{rng.randint(60000000, 89999999)}"],
        ])
