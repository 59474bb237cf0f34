package org.redwheel.demo;

import java.util.List;
import java.util.Map;
import org.redwheel.appeals.AppealCategory;

/**
 * The demo county's appeals: what drivers ask for in each category and how it was solved, and the
 * hard problems the escort alliance claimed and solved (the seed article's examples first). The
 * problems' texts are public once solved, so they name no driver, phone or plate.
 */
final class DemoAppealData {

    private DemoAppealData() {}

    /** What drivers write, per category. */
    static final Map<AppealCategory, List<String>> ASKS = Map.of(
            AppealCategory.PARKING,
                    List.of(
                            "晚上到县城北G205附近卸完货，找不到能停大车过夜的地方，路边停车怕被罚款。",
                            "物流园门口排队等装货，车只能停在路边，交警说占道要处罚，能不能给个停车的地方？",
                            "凌晨进城送货，按规定要等到早上，附近没有货车停车场，只能在高速口外面等。",
                            "司机之家停车位晚上经常满，后来的车没地方停，希望多划一些车位。"),
            AppealCategory.UNPAID_FREIGHT,
                    List.of(
                            "去年给一家外地商贸公司拉了三趟货，运费一万二一直拖着不给，打电话也不接。",
                            "货主说货有损坏，扣了一半运费，没有任何证明，想问问怎么维权。",
                            "挂靠的公司拖欠三个月运费，想申请法律援助，不知道找哪里。",
                            "信息部压着运费不结，说月底统一结，已经拖了两个月了。"),
            AppealCategory.VEHICLE_LOAN,
                    List.of(
                            "疫情期间跑不了车，货车贷款这个月还不上，能不能延期几个月？",
                            "车贷逾期了一期，担心影响征信，想问问有没有补救的政策。",
                            "想换一辆国六的车，首付不够，有没有适合货车司机的贷款？",
                            "银行说延期还款要企业出证明，我是个体司机，不知道怎么办。"),
            AppealCategory.ORDER_TAKING,
                    List.of(
                            "从江苏返程老是空车，本地有没有回程的货源？",
                            "平台接单被压价太狠，跑一趟不挣钱，想找稳定一点的货源。",
                            "刚换了冷藏车，不知道县里哪些企业需要冷链运输。",
                            "车在家停了一周了没接到活，家里等着用钱。"),
            AppealCategory.CHILD_CARE,
                    List.of(
                            "我和爱人都在外面跑车，孩子放学后没人接，能不能帮忙想想办法？",
                            "暑假孩子一个人在家，老人身体不好，想找个托管的地方。",
                            "孩子上初中成绩下滑，我们常年在外，想找人帮忙辅导一下。",
                            "疫情期间学校停课，孩子在家上网课没人管。"),
            AppealCategory.POLICY,
                    List.of(
                            "个体运输户开票要交哪些税？有没有优惠政策？",
                            "听说国三货车要限行，什么时候开始？淘汰有没有补贴？",
                            "城区货车通行证怎么办，要什么材料？",
                            "从业资格证到期了，换证要回原籍吗？"),
            AppealCategory.HEALTH,
                    List.of(
                            "长期开车腰疼得厉害，想做个检查，不知道哪里能便宜点。",
                            "最近跑车压力大，晚上睡不着，想找人聊聊。",
                            "夏天长途开车容易中暑，红色驿站有没有防暑的药？",
                            "体检查出血压高，医生让注意休息，想了解下怎么安排跑车。"),
            AppealCategory.VEHICLE_CERTIFICATES,
                    List.of(
                            "车辆年审要跑好几个地方，能不能在一个窗口办？",
                            "道路运输证丢了，补办要多久？",
                            "从业资格证诚信考核不知道怎么弄，网上操作不会。",
                            "车辆营运证和行驶证信息不一致，查车时被扣了。"),
            AppealCategory.OTHER,
                    List.of(
                            "家里老人生病住院，跑车顾不上，想问问有没有临时救助。",
                            "想入党，不知道在企业申请还是回村里申请。",
                            "车上的北斗终端老是离线，企业说不是他们的事。",
                            "想参加县里的安全驾驶培训，在哪里报名？"));

    /** How each ask of {@link #ASKS} was solved, in the same order. */
    static final Map<AppealCategory, List<String>> SOLUTIONS = Map.of(
            AppealCategory.PARKING,
                    List.of(
                            "已告知G205县城北临时停车区和物流园东临时停车区的位置，司机当晚到临时停车区停车休息。",
                            "协调物流园在园内增设待装车位，排队车辆不再占道。",
                            "告知G1511临沭互通红色驿站可24小时停车休息，已电话联系驿站预留车位。",
                            "告知司机之家夜间停车预约电话，已为其预留车位。"),
            AppealCategory.UNPAID_FREIGHT,
                    List.of(
                            "县司法局法律援助中心受理，律师出具律师函后货主已结清全部运费。",
                            "经人民调解，双方达成协议，货主退还扣减的运费。",
                            "指导司机收集运输合同和聊天记录，已由法律援助律师代理申请仲裁。",
                            "经调解，信息部分两期结清运费，首期已到账。"),
            AppealCategory.VEHICLE_LOAN,
                    List.of(
                            "协调贷款银行办理延期还款6个月，不计逾期、不影响征信。",
                            "协调银行按疫情期间政策处理，逾期记录已依规调整。",
                            "推荐办理货车专项贷款，已放款。",
                            "行业党委出具从业情况证明，银行已办理延期。"),
            AppealCategory.ORDER_TAKING,
                    List.of(
                            "联系本地两家企业，司机已签订返程货运协议。",
                            "推荐加入县物流园货源群，一周内接到三单。",
                            "对接本地冷链企业，已开始承运。",
                            "介绍到本地板材企业做短途运输，已连续出车。"),
            AppealCategory.CHILD_CARE,
                    List.of("村里安排志愿者每天接孩子放学，并在村党群服务站写作业。", "孩子已报名县妇联爱心托管班。", "联系大学生志愿者每周两次线上辅导。", "村志愿者每天上门看护孩子上网课。"),
            AppealCategory.POLICY,
                    List.of(
                            "已电话讲解相关税费政策，并把政策明白纸发到司机手机上。",
                            "告知限行时间和淘汰补贴申请流程，司机已提交补贴申请。",
                            "告知办理流程和材料，司机已在网上提交申请并获批。",
                            "说明可在党群服务中心窗口就近办理，无需回原籍。"),
            AppealCategory.HEALTH,
                    List.of(
                            "安排到县人民医院参加免费职业健康体检。",
                            "畅言吧心理咨询师进行了两次面谈，司机反馈睡眠好转。",
                            "红色驿站已配发防暑药品，并告知沿线驿站位置。",
                            "联系家庭医生签约服务，定期随访血压，并提醒合理安排出车时间。"),
            AppealCategory.VEHICLE_CERTIFICATES,
                    List.of("在党群服务中心窗口一次办结。", "已受理补办申请，三个工作日内领证。", "工作人员现场指导完成诚信考核。", "协调交通运输部门更正登记信息，已换发新证。"),
            AppealCategory.OTHER,
                    List.of(
                            "协调民政部门办理临时救助。",
                            "已告知两条渠道的入党申请流程，司机向企业党支部递交了申请书。",
                            "协调终端服务商上门检修，终端已恢复在线。",
                            "已为司机报名本月安全驾驶培训班。"));

    /** Feedback drivers leave with their rating. */
    static final List<String> FEEDBACK = List.of("办得很快，谢谢！", "很满意", "帮了大忙", "解决了，感谢党委", "", "", "还行，就是等得有点久");

    /**
     * A hard problem of the board: category, claiming department (short name), title, description,
     * solution, and how many drivers' appeals it links.
     */
    record ProblemSeed(
            AppealCategory category,
            String department,
            String title,
            String description,
            String solution,
            int appeals) {}

    /** Solved hard problems, oldest first; the seed article's three examples among them. */
    static final List<ProblemSeed> SOLVED_PROBLEMS = List.of(
            new ProblemSeed(
                    AppealCategory.PARKING,
                    "交警大队",
                    "县城周边货车夜间停车难",
                    "多名货车司机反映，夜间进城或卸货后在县城北G205沿线和物流园周边找不到可以合法停放大车的地方，路边停车既不安全又面临处罚。",
                    "交警大队实地勘察后，在G205县城北和物流园东门外划设两处临时停车区，施划标线、设置标志和夜间照明，夜间停车不再处罚，司机可就近停车休息。",
                    5),
            new ProblemSeed(
                    AppealCategory.UNPAID_FREIGHT,
                    "县司法局",
                    "个体货车司机运费被拖欠、维权难",
                    "个体和挂靠司机反映，外地货主、信息部拖欠运费现象较多，司机不懂法律程序，诉讼成本高，往往不了了之。",
                    "县司法局开通货车司机运费追讨法律援助绿色通道，免予经济困难审查，由援助律师代写文书、代理调解和诉讼，已帮助司机追回拖欠运费。",
                    4),
            new ProblemSeed(
                    AppealCategory.VEHICLE_LOAN,
                    "临沭农商行",
                    "疫情期间货车贷款还款困难",
                    "受疫情影响，部分司机出车减少、收入下降，货车按揭贷款按月还款压力大，担心逾期影响征信。",
                    "临沭农商行对受疫情影响、还款暂时困难的货车司机办理车贷延期还款，最长延期6个月，期间不计逾期、不影响征信，并开通线上申请。",
                    4),
            new ProblemSeed(
                    AppealCategory.ORDER_TAKING,
                    "县商务局",
                    "返程空驶多，缺少本地货源",
                    "长途司机反映返程空驶率高，本地生产企业的货运需求和司机之间缺少对接渠道。",
                    "县商务局组织物流园区与本地板材、化肥等企业开展货源对接会，建立县内货源信息群，司机返程配货更方便。",
                    3),
            new ProblemSeed(
                    AppealCategory.CHILD_CARE,
                    "县妇联",
                    "司机出车期间子女放学后无人看护",
                    "不少司机夫妻同车跑运输，子女放学后和假期无人看护，司机出车时放心不下。",
                    "县妇联在物流园党群服务中心开设爱心托管班，放学后和暑假期间由志愿者看护辅导，已有数十名司机子女参加。",
                    4),
            new ProblemSeed(
                    AppealCategory.HEALTH,
                    "县卫健局",
                    "长途司机颈腰椎病多发、体检不便",
                    "司机常年久坐驾驶，颈腰椎病、高血压多发，平时跑车没有时间去医院体检。",
                    "县卫健局组织医疗队进物流园开展免费职业健康体检，建立司机健康档案，并在司机之家设置健康小屋。",
                    3),
            new ProblemSeed(
                    AppealCategory.VEHICLE_CERTIFICATES,
                    "县交通运输局",
                    "车辆和从业证件办理要跑多个窗口",
                    "司机反映车辆年审、道路运输证和从业资格证业务分散在不同窗口，跑车间隙办理不方便。",
                    "县交通运输局在党群服务中心设立货车司机综合服务窗口，道路运输证件业务一窗受理、一次办好，并提供周末预约服务。",
                    3),
            new ProblemSeed(
                    AppealCategory.POLICY,
                    "县税务局",
                    "个体运输户不清楚税费优惠政策",
                    "个体运输户对开票、税费减免政策了解不多，多交了钱或不敢开票。",
                    "县税务局编印个体运输户税费政策明白纸，在红色驿站和司机之家设立咨询点，并开通代开发票绿色通道。",
                    3),
            new ProblemSeed(
                    AppealCategory.PARKING,
                    "交警大队",
                    "物流园周边道路货车排队占道",
                    "物流园装卸高峰时货车在园区外道路排队，占用车道，既影响通行又被处罚。",
                    "交警大队会同物流园优化周边交通组织，设置货车待行区和错峰进园时段，排队占道问题基本解决。",
                    3),
            new ProblemSeed(
                    AppealCategory.UNPAID_FREIGHT,
                    "县人社局",
                    "挂靠司机劳动报酬纠纷处理慢",
                    "挂靠和受雇司机与运输企业之间的工资、提成纠纷多，走仲裁程序时间长。",
                    "县人社局开辟货车司机劳动争议调解快速通道，简易案件15日内调结，并在物流园设立调解工作室。",
                    3),
            new ProblemSeed(
                    AppealCategory.HEALTH,
                    "县总工会",
                    "司机心理压力大，缺少倾诉渠道",
                    "司机长期独自在外，工作压力和家庭压力大，遇到烦心事没有地方倾诉。",
                    "县总工会在党群服务中心畅言吧开设心理疏导服务，每周固定时间由心理咨询师坐班，并开通咨询热线。",
                    3),
            new ProblemSeed(
                    AppealCategory.POLICY,
                    "县交通运输局",
                    "城区货车通行证办理流程不清",
                    "司机不清楚城区货车通行证的申请条件和材料，多次往返。",
                    "县交通运输局会同交警大队简化城区货车通行证办理，实行网上申请、即时审核，并公布办理指南。",
                    3),
            new ProblemSeed(
                    AppealCategory.ORDER_TAKING,
                    "县邮政管理局",
                    "快递支线运输订单不稳定",
                    "承接快递支线运输的个体司机订单时有时无，收入不稳定。",
                    "县邮政管理局协调快递企业与本地运输户签订长期支线运输协议，稳定了支线运力和司机收入。",
                    2),
            new ProblemSeed(
                    AppealCategory.OTHER,
                    "县民政局",
                    "困难司机家庭因病返贫",
                    "个别司机家庭因重病住院、家庭支柱受伤停运，生活陷入困难。",
                    "县民政局将符合条件的困难司机家庭纳入临时救助和低保范围，并协调慈善资金帮扶。",
                    2),
            new ProblemSeed(
                    AppealCategory.VEHICLE_CERTIFICATES,
                    "县市场监管局",
                    "个体运输户营业执照年报不会填",
                    "个体运输户不熟悉网上年报，逾期后被列入经营异常名录。",
                    "县市场监管局组织工作人员进物流园集中指导年报，并帮助已列入异常名录的运输户依法移出。",
                    2),
            new ProblemSeed(
                    AppealCategory.HEALTH,
                    "县应急局",
                    "夏季高温长途驾驶中暑",
                    "夏季高温时段长途驾驶，司机中暑、疲劳的情况增多。",
                    "县应急局在沿线红色驿站配备防暑降温药品和急救箱，发布高温时段安全行车提示。",
                    2),
            new ProblemSeed(
                    AppealCategory.PARKING,
                    "县交通运输局",
                    "司机之家夜间停车位不足",
                    "物流园司机之家夜间停车位紧张，后到的车辆只能停在路边。",
                    "县交通运输局协调扩建物流园司机之家停车场，新增货车停车位60个，并实行夜间停车预约。",
                    3),
            new ProblemSeed(
                    AppealCategory.CHILD_CARE,
                    "团县委",
                    "司机子女假期缺少学习辅导",
                    "司机常年在外，子女假期学习无人辅导。",
                    "团县委组织大学生志愿者为司机子女开展假期课业辅导和线上答疑，覆盖全县各镇街。",
                    2),
            new ProblemSeed(
                    AppealCategory.UNPAID_FREIGHT,
                    "县司法局",
                    "运输合同不规范引发运费纠纷",
                    "司机与货主多为口头约定，发生纠纷时缺少证据。",
                    "县司法局编制货物运输合同示范文本，在司机之家和红色驿站免费发放，并提供合同免费审查服务。",
                    2),
            new ProblemSeed(
                    AppealCategory.VEHICLE_LOAN,
                    "邮储银行临沭支行",
                    "货车贷款到期集中，续贷周转难",
                    "部分司机车贷集中到期，续贷审批时间长，资金周转困难。",
                    "邮储银行临沭支行为货车司机办理车贷延期和无还本续贷，开通审批绿色通道，三个工作日内办结。",
                    3),
            new ProblemSeed(
                    AppealCategory.VEHICLE_LOAN,
                    "县金融中心",
                    "车贷延期申请渠道不清楚",
                    "个体司机不清楚向哪家机构申请车贷延期，银行要求的证明材料难以提供。",
                    "县金融服务中心牵头建立车贷延期协调机制，由行业党委出具从业情况证明，银行凭证明办理延期。",
                    2),
            new ProblemSeed(
                    AppealCategory.POLICY,
                    "人行临沭支行",
                    "受疫情影响的逾期记录影响贷款",
                    "受疫情影响出现短期逾期的司机，再申请贷款时被拒。",
                    "人行临沭支行指导辖内金融机构对受疫情影响的逾期记录依规调整，符合条件的司机已恢复正常信贷。",
                    2));

    /** Problems still on the board: one waiting for a claim, one being worked. */
    static final ProblemSeed OPEN_PROBLEM = new ProblemSeed(
            AppealCategory.PARKING, null, "高速口附近缺少夜间安全停车点", "多名司机反映G1511临沭收费站附近夜间没有安全停车点，等待进城时只能停在匝道附近。", null, 2);

    static final ProblemSeed WORKING_PROBLEM =
            new ProblemSeed(AppealCategory.ORDER_TAKING, "县商务局", "冷链运输司机缺少回程货源", "新购冷藏车的司机反映，回程冷链货源少，空驶成本高。", null, 3);
}
