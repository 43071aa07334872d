/**
 * The tables behind the synthetic members: where they come from, where they live in Beijing and
 * what they work at. Street and town names are Beijing's public divisions; residential
 * compounds, villages and firms are made up from generic words.
 */

/**
 * Home counties (region code of the ID number) with a weight: the big rural counties send the
 * most people to Beijing. Three counties became districts in 2016 (宣化县 → 宣化区, 万全县 →
 * 万全区, 崇礼县 → 崇礼区); older members still carry the old code in their ID number.
 */
export const HOME_COUNTY_WEIGHTS: [string, number][] = [
  ['130726', 12], // 蔚县
  ['130722', 10], // 张北县
  ['130705', 9], // 宣化区
  ['130730', 9], // 怀来县
  ['130731', 7], // 涿鹿县
  ['130727', 6], // 阳原县
  ['130723', 6], // 康保县
  ['130732', 6], // 赤城县
  ['130728', 5], // 怀安县
  ['130724', 5], // 沽源县
  ['130702', 5], // 桥东区
  ['130703', 5], // 桥西区
  ['130725', 4], // 尚义县
  ['130708', 4], // 万全区
  ['130709', 3], // 崇礼区
  ['130706', 2], // 下花园区
];

/** For members born before 1990: the share whose ID number has the county's pre-2016 code. */
export const HISTORICAL_CODES: Record<string, { code: string; share: number }> = {
  '130705': { code: '130721', share: 0.45 },
  '130708': { code: '130729', share: 0.7 },
  '130709': { code: '130733', share: 0.7 },
};

/** The 坝上 counties on the Mongolian plateau, where more members are 蒙古族. */
export const BASHANG_COUNTIES = new Set(['130722', '130723', '130724', '130725']);

/** Town-like words for the home Party organization (原组织关系所在党组织). */
export const HOME_TOWNS = [
  '城关',
  '南关',
  '北关',
  '东城',
  '西城',
  '新华',
  '沙河',
  '东山',
  '西河',
  '南庄',
  '北营',
  '大营',
  '王家庄',
  '李家堡',
  '新堡',
  '杨家坪',
  '高庙',
  '马营',
  '石门',
  '二台',
];
export const HOME_VILLAGES = [
  '东街',
  '西街',
  '前进',
  '红旗',
  '胜利',
  '太平',
  '永安',
  '丰收',
  '新民',
  '和平',
  '大王庄',
  '小李庄',
  '三道沟',
  '五里铺',
  '十里店',
  '张家窑',
  '刘家湾',
  '赵家坝',
  '西沟',
  '后营',
];

/** Words for made-up residential compounds (小区) and villages (村). */
export const COMPOUND_WORDS = [
  '阳光',
  '和平',
  '幸福',
  '康乐',
  '怡然',
  '翠林',
  '锦绣',
  '兴业',
  '嘉园',
  '枫林',
  '丽景',
  '鑫苑',
  '龙腾',
  '盛世',
  '滨河',
  '景泰',
  '安华',
  '欣园',
  '春晖',
  '润泽',
];
export const COMPOUND_KINDS = ['小区', '家园', '花园', '新城', '苑', '里', '公寓'];
export const VILLAGE_WORDS = ['东', '西', '南', '北', '前', '后', '大', '小', '新', '上'];
export const VILLAGE_NAMES = [
  '王庄',
  '李庄',
  '辛庄',
  '马坊',
  '张各庄',
  '刘家营',
  '营子',
  '杨庄',
  '胡家屯',
  '田家府',
];

/** Made-up firm names: two auspicious words that no real firm is meant by. */
export const FIRM_WORDS = [
  '宏达',
  '鑫盛',
  '永泰',
  '恒通',
  '坤元',
  '瑞丰',
  '金诚',
  '天成',
  '顺达',
  '宏远',
  '汇通',
  '泰和',
  '德隆',
  '隆盛',
  '嘉诚',
  '广源',
  '聚源',
  '鼎盛',
  '塞北',
  '坝上',
  '桑干',
  '洋河',
  '京张',
  '燕赵',
  '长青',
  '福顺',
  '安康',
  '兴旺',
  '诚信',
  '佳美',
];

export interface Trade {
  /** 国民经济行业分类 sections the trade belongs to. */
  industries: string[];
  /** Employer patterns; `{w}` is a firm word. */
  employers: string[];
  occupations: string[];
}

/** What members of each trade branch work at. */
export const TRADES: Record<string, Trade> = {
  建筑业: {
    industries: ['建筑业'],
    employers: [
      '北京{w}建筑工程有限公司',
      '北京{w}建设集团有限公司',
      '{w}建筑劳务有限公司',
      '北京{w}装饰工程有限公司',
    ],
    occupations: [
      '木工',
      '瓦工',
      '钢筋工',
      '电焊工',
      '架子工',
      '施工员',
      '项目经理',
      '安全员',
      '水电工',
      '装修工',
    ],
  },
  商贸物流: {
    industries: ['批发和零售业', '交通运输、仓储和邮政业'],
    employers: [
      '北京{w}商贸有限公司',
      '北京{w}物流有限公司',
      '{w}供应链管理有限公司',
      '北京{w}农产品批发市场',
    ],
    occupations: ['快递员', '仓库管理员', '配送员', '销售员', '采购员', '店长', '分拣员', '客服专员'],
  },
  家政服务: {
    industries: ['居民服务、修理和其他服务业'],
    employers: ['北京{w}家政服务有限公司', '{w}养老服务中心', '北京{w}保洁服务有限公司'],
    occupations: ['家政服务员', '育婴员', '养老护理员', '保洁员', '母婴护理员', '家政公司经理'],
  },
  餐饮服务: {
    industries: ['住宿和餐饮业'],
    employers: ['北京{w}餐饮管理有限公司', '{w}莜面馆', '{w}饭庄', '北京{w}酒店有限公司'],
    occupations: ['厨师', '面点师', '服务员', '餐厅经理', '配菜员', '前台接待'],
  },
  交通运输: {
    industries: ['交通运输、仓储和邮政业'],
    employers: [
      '北京{w}运输有限公司',
      '北京{w}出租汽车有限公司',
      '{w}货运代理有限公司',
      '北京{w}客运有限公司',
    ],
    occupations: ['货车司机', '出租车司机', '客车司机', '调度员', '网约车司机', '汽车修理工'],
  },
  制造业: {
    industries: ['制造业'],
    employers: [
      '北京{w}机械制造有限公司',
      '北京{w}食品有限公司',
      '北京{w}家具有限公司',
      '北京{w}包装材料有限公司',
    ],
    occupations: ['车间主任', '操作工', '质检员', '技术员', '焊工', '装配工', '班组长'],
  },
  物业保安: {
    industries: ['房地产业', '租赁和商务服务业'],
    employers: ['北京{w}物业管理有限公司', '北京{w}保安服务有限公司', '{w}物业服务有限公司'],
    occupations: ['保安员', '物业管理员', '电工', '保洁主管', '消防控制员', '项目主管'],
  },
  个体经营: {
    industries: ['批发和零售业', '居民服务、修理和其他服务业', '住宿和餐饮业'],
    employers: ['{w}便利店', '{w}建材商店', '{w}汽车修理部', '{w}粮油店', '{w}理发店', '{w}农家院'],
    occupations: ['个体工商户', '店主', '经营者'],
  },
};

/** Reasons written on a status change, by the status reached. */
export const STATUS_REASONS: Record<'lost' | 'returned' | 'transferred_out', string[]> = {
  lost: [
    '电话停机，多次联系未果',
    '原住址已搬离，联系不上',
    '连续六个月未参加组织生活，联系不上',
    '原单位已离职，去向不明',
  ],
  returned: ['返回原籍居住', '回乡创业', '回乡照顾老人', '年老返乡'],
  transferred_out: ['组织关系转往工作单位党组织', '转往外省工作地党组织', '组织关系转往居住地社区党组织'],
};
