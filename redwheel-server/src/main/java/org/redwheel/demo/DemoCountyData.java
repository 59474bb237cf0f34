package org.redwheel.demo;

import java.util.List;

/**
 * The demo county's fixed facts, modelled on Linshu County (临沭县, Linyi, Shandong). Names of
 * enterprises and people are invented.
 */
final class DemoCountyData {

    private DemoCountyData() {}

    static final double SEAT_LATITUDE = 34.92;
    static final double SEAT_LONGITUDE = 118.65;
    static final String DIVISION = "371329";

    record TownshipSeed(String name, String code, List<String> villages) {}

    static final List<TownshipSeed> TOWNSHIPS = List.of(
            new TownshipSeed("临沭街道", DIVISION + "001", List.of("东城社区", "西城社区", "南关村", "北关村", "滨河社区")),
            new TownshipSeed("郑山街道", DIVISION + "002", List.of("郑山村", "朱村", "东盘村", "西盘村", "大哨村")),
            new TownshipSeed("蛟龙镇", DIVISION + "101", List.of("蛟龙村", "汀水村", "北沟头村", "大兴庄村")),
            new TownshipSeed("青云镇", DIVISION + "102", List.of("青云村", "金山村", "后沙窝村", "董家庄村")),
            new TownshipSeed("玉山镇", DIVISION + "103", List.of("玉山村", "夏庄村", "鹿家庄村", "葛沟村")),
            new TownshipSeed("石门镇", DIVISION + "104", List.of("石门村", "下湖村", "大官庄村", "孙家庄村")),
            new TownshipSeed("曹庄镇", DIVISION + "105", List.of("曹庄村", "朱仓村", "岭南头村", "湖西村")),
            new TownshipSeed("大兴镇", DIVISION + "106", List.of("大兴村", "冷庄村", "常林村", "西南岭村")),
            new TownshipSeed("店头镇", DIVISION + "107", List.of("店头村", "大埠村", "石湖村", "彭家庄村")),
            new TownshipSeed("白旄镇", DIVISION + "108", List.of("白旄村", "前横沟村", "黄庄村", "刘宅子村")));

    static final List<String> ENTERPRISE_BRANDS = List.of(
            "顺达", "鑫盛", "沭河", "通达", "恒运", "宏远", "安泰", "金润", "远航", "凯达", "运通", "华通", "东方", "鲁南", "兴业", "泰和", "永顺", "捷运",
            "大成", "瑞丰", "长运", "鸿基", "众诚", "亿通", "天顺", "福源", "利民", "万通", "德信", "汇丰", "苍源");

    static final List<String> ENTERPRISE_KINDS = List.of("物流有限公司", "运输有限公司", "供应链管理有限公司", "货运有限公司");

    static final List<String> ROADS = List.of("沭河大街", "常林大街", "兴大路", "滨河路", "府前路", "振兴路", "工业大道", "物流园路", "青年路", "温泉路");

    static final List<String> SURNAMES =
            List.of("王", "李", "张", "刘", "陈", "杨", "赵", "孙", "徐", "朱", "高", "马", "胡", "郭", "何", "林", "宋", "郑", "韩", "冯");

    static final List<String> GIVEN_NAMES = List.of(
            "建国", "志强", "海涛", "明亮", "晓东", "国庆", "玉梅", "秀兰", "立新", "红军", "永刚", "春燕", "德华", "宝山", "金凤", "庆丰", "长青", "振华",
            "成龙", "桂英", "新民", "学文", "广军", "丽娜");

    /**
     * Government units: name, short name, duties, joint-meeting member, lead, escort-alliance
     * department. 21 joint-meeting units led by the organisation department; 18 alliance
     * departments.
     */
    record UnitSeed(
            String name, String shortName, String duties, boolean jointMeeting, boolean lead, boolean alliance) {}

    static final List<UnitSeed> UNITS = List.of(
            new UnitSeed("中共临沭县委组织部", "县委组织部", "牵头联席会议，统筹物流行业党建", true, true, false),
            new UnitSeed("中共临沭县委宣传部", "县委宣传部", "宣传先进典型", true, false, false),
            new UnitSeed("中共临沭县委政法委员会", "县委政法委", "矛盾纠纷化解", true, false, false),
            new UnitSeed("中共临沭县委统战部", "县委统战部", "新的社会阶层人士工作", true, false, false),
            new UnitSeed("临沭县发展和改革局", "县发改局", "物流产业规划", true, false, false),
            new UnitSeed("临沭县公安局", "县公安局", "治安与车辆管理", true, false, false),
            new UnitSeed("临沭县公安局交通警察大队", "交警大队", "道路通行、临时停车区、违法处理", false, false, true),
            new UnitSeed("临沭县交通运输局", "县交通运输局", "道路运输管理、动态监控", true, false, true),
            new UnitSeed("临沭县司法局", "县司法局", "法律援助、运费追讨", true, false, true),
            new UnitSeed("临沭县财政局", "县财政局", "党建专项经费", true, false, false),
            new UnitSeed("临沭县人力资源和社会保障局", "县人社局", "劳动权益、职业技能培训", true, false, true),
            new UnitSeed("临沭县卫生健康局", "县卫健局", "职业病预防、健康体检", true, false, true),
            new UnitSeed("临沭县市场监督管理局", "县市场监管局", "企业登记、价格监管", true, false, true),
            new UnitSeed("临沭县商务局", "县商务局", "物流园区、货源对接", true, false, true),
            new UnitSeed("临沭县应急管理局", "县应急局", "安全生产", true, false, true),
            new UnitSeed("临沭县民政局", "县民政局", "困难救助、社区治理", true, false, true),
            new UnitSeed("临沭县邮政管理局", "县邮政管理局", "快递行业监管", true, false, true),
            new UnitSeed("临沭县住房和城乡建设局", "县住建局", "司机之家、停车场建设", true, false, false),
            new UnitSeed("临沭县总工会", "县总工会", "司机入会、关爱服务", true, false, true),
            new UnitSeed("共青团临沭县委员会", "团县委", "青年司机服务", true, false, true),
            new UnitSeed("临沭县妇女联合会", "县妇联", "司机家属关爱、子女看护", true, false, true),
            new UnitSeed("国家税务总局临沭县税务局", "县税务局", "税费政策咨询", true, false, true),
            new UnitSeed("临沭县金融服务中心", "县金融中心", "车贷延期协调", false, false, true),
            new UnitSeed("中国人民银行临沭县支行", "人行临沭支行", "金融政策指导", false, false, true),
            new UnitSeed("山东临沭农村商业银行", "临沭农商行", "车贷延期、普惠金融", false, false, true),
            new UnitSeed("中国邮政储蓄银行临沭县支行", "邮储银行临沭支行", "车贷服务", false, false, true));

    /** A place of the demo county: kind, name, address, coordinates, services, hours. */
    record PlaceSeed(
            String kind,
            String name,
            String address,
            double latitude,
            double longitude,
            String services,
            String hours) {}

    static final String DRIVER_HOME_SERVICES = "停车休息、热水、热饭、淋浴、洗衣、充电";
    static final String POST_STATION_SERVICES = "休息、热水、应急药箱、政策咨询";

    /**
     * The service centre, 3 driver homes, 12 red post stations and the 2 temporary parking areas the
     * traffic police marked; on or beside the simulator's demo routes.
     */
    static final List<PlaceSeed> PLACES = List.of(
            new PlaceSeed(
                    "SERVICE_CENTRE",
                    "临沭县物流行业党群服务中心",
                    "临沭县经济开发区物流园",
                    34.905,
                    118.672,
                    "党建活动、政策咨询、法律援助、心理疏导（畅言吧）",
                    "08:00–20:00"),
            new PlaceSeed("DRIVER_HOME", "物流园司机之家", "临沭经济开发区物流园南区", 34.898, 118.684, DRIVER_HOME_SERVICES, "24小时"),
            new PlaceSeed("DRIVER_HOME", "青云镇司机之家", "青云镇G205路东", 35.045, 118.642, DRIVER_HOME_SERVICES, "24小时"),
            new PlaceSeed("DRIVER_HOME", "大兴镇司机之家", "大兴镇G205路西", 34.782, 118.662, DRIVER_HOME_SERVICES, "24小时"),
            new PlaceSeed(
                    "RED_POST_STATION", "蛟龙镇红色驿站", "蛟龙镇政府驻地", 34.888, 118.565, POST_STATION_SERVICES, "07:00–22:00"),
            new PlaceSeed(
                    "RED_POST_STATION", "玉山镇红色驿站", "玉山镇政府驻地", 35.012, 118.722, POST_STATION_SERVICES, "07:00–22:00"),
            new PlaceSeed(
                    "RED_POST_STATION", "曹庄镇红色驿站", "曹庄镇驻地", 34.834, 118.601, POST_STATION_SERVICES, "07:00–22:00"),
            new PlaceSeed(
                    "RED_POST_STATION", "石门镇红色驿站", "石门镇驻地", 34.845, 118.755, POST_STATION_SERVICES, "07:00–22:00"),
            new PlaceSeed(
                    "RED_POST_STATION", "店头镇红色驿站", "店头镇驻地", 34.952, 118.769, POST_STATION_SERVICES, "07:00–22:00"),
            new PlaceSeed(
                    "RED_POST_STATION", "青云镇红色驿站", "青云镇驻地", 35.028, 118.653, POST_STATION_SERVICES, "07:00–22:00"),
            new PlaceSeed(
                    "RED_POST_STATION", "白旄镇红色驿站", "白旄镇驻地", 34.993, 118.568, POST_STATION_SERVICES, "07:00–22:00"),
            new PlaceSeed(
                    "RED_POST_STATION", "郑山街道红色驿站", "郑山街道", 34.899, 118.705, POST_STATION_SERVICES, "07:00–22:00"),
            new PlaceSeed(
                    "RED_POST_STATION", "县城西红色驿站", "临沭街道常林大街西段", 34.918, 118.617, POST_STATION_SERVICES, "07:00–22:00"),
            new PlaceSeed(
                    "RED_POST_STATION", "G205县城北红色驿站", "G205线县城北出口", 35.002, 118.643, POST_STATION_SERVICES, "24小时"),
            new PlaceSeed(
                    "RED_POST_STATION", "G205县城南红色驿站", "G205线县城南出口", 34.842, 118.657, POST_STATION_SERVICES, "24小时"),
            new PlaceSeed(
                    "RED_POST_STATION", "G1511临沭互通红色驿站", "G1511临沭收费站外", 35.083, 118.633, POST_STATION_SERVICES, "24小时"),
            new PlaceSeed("PARKING_AREA", "G205县城北临时停车区", "交警大队划设，G205线县城北", 35.005, 118.648, "货车临时停放、夜间照明", "24小时"),
            new PlaceSeed("PARKING_AREA", "物流园东临时停车区", "交警大队划设，物流园东门外", 34.906, 118.690, "货车临时停放、夜间照明", "24小时"));
}
