# contest.yaml 各部分之间的检查（src/model/validate/）。

## id 和引用。
validate-noun-track = 赛项
validate-noun-group = 组别
validate-noun-reference = 参考文件
validate-noun-stage = 日程阶段
validate-noun-part = 评分部分或模块
validate-id-twice = { $what }的 id `{ $id }` 用了两次
validate-id-twice-help = 第一次用在第 { $line } 行；id 不能重复
validate-attachment-twice = 附件编号 { $number } 用了两次
validate-attachment-twice-help = 附件请按 1、2、3……依次编号
validate-track-group-no-groups = 赛项 `{ $track }` 写了组别 `{ $group }`，但本竞赛没有设组别
validate-track-group-no-groups-help = 请删去这个赛项的 `groups:`，或者在 `groups:` 下面设好组别
validate-track-group-unknown = 赛项 `{ $track }` 写了组别 `{ $group }`，但没有这个组别
validate-define-group-help = 请在 `groups:` 下面加上这个组别，或者改用已有的：{ $known }
validate-stage-track-unknown = 日程阶段 `{ $stage }` 写了赛项 `{ $track }`，但没有这个赛项
validate-define-track-help = 请在 `tracks:` 下面加上这个赛项，或者改用已有的：{ $known }
validate-rule-group-no-groups = 这条规定写了组别 `{ $group }`，但本竞赛没有设组别
validate-rule-group-no-groups-help = 请从 `rules.group_restrictions` 里删去这条规定，或者在 `groups:` 下面设好组别
validate-rule-group-unknown = 这条规定写了组别 `{ $group }`，但没有这个组别
validate-use-one-of = 请改用已有的：{ $known }
validate-awards-basis-unknown = 奖项依据的文件 `{ $basis }` 不在 `references:` 里
validate-awards-basis-unknown-help = 请把它加到 `references:` 里，或者改用已有的：{ $known }
validate-no-attachment = 没有附件 { $number }
validate-no-attachment-help = 请在 `attachments:` 下面加上这个附件，或者改正编号
validate-body-parent-unknown = `{ $body }` 的上级单位 `{ $parent }` 不在所列单位里
validate-no-tracks = 本竞赛还没有赛项
validate-no-tracks-help = 请在 `tracks:` 下面至少写一个赛项，每个赛项以 `- id:` 开头（赛项的各个键见 README）
validate-team-size-zero = 每队至少要有 1 人
validate-team-size-zero-help = 个人赛请写 1

## 评分。
validate-scoring-says-nothing = `scoring` 下面什么也没说
validate-scoring-says-nothing-help = 请写出各评分部分及权重（`parts`），或者写一句说明，如 `note: 评分办法另行通知`；也可以删去 `scoring:`
validate-scoring-no-parts = 评分办法里没有评分部分
validate-scoring-no-parts-help = 请至少写一个评分部分，例如权重为 100 的实际操作；评分部分还没定的，可以删去 `parts:`，写上 `note: 评分办法另行通知`
validate-weights-sum = 各评分部分的权重加起来是 { $sum }%，不是 100%（{ $listed }）
validate-weights-sum-help = 请调整权重，使它们加起来等于 100
validate-part-weight = `{ $part }` 的权重应在 1 到 100 之间（百分数）
validate-part-weight-help = 权重是占总成绩的百分数
validate-part-duration = `{ $part }` 的时长写的是 { $minutes } 分钟
validate-part-duration-help = 时长以分钟计，写 1 到 { $max } 之间的数（`duration: 90` 显示为 90分钟）
validate-part-mode-empty = `{ $part }` 的考核方式是空的
validate-part-mode-too-long = `{ $part }` 的考核方式写得太长
validate-part-mode-help = 考核方式最多写 { $max } 个字，如 上机考试、笔试、实际操作；更多说明写在 `scoring.setting` 里
validate-module-weight = 模块 `{ $module }` 的权重应在 1 到 100 之间（百分数）
validate-module-weight-help = 模块的权重是占本部分成绩的百分数
validate-modules-sum = `{ $part }` 的各模块加起来占本部分的 { $sum }%，不是 100%（{ $listed }）
validate-modules-sum-help = 模块的权重是占本部分成绩（不是总成绩）的百分数：请调整，使它们加起来等于 100

## 奖项。
validate-tiers-twice = 奖项等级写了两处：`awards.tiers` 和 `results.tiers`
validate-tiers-twice-help = 请保留 `awards.tiers`（网页在成绩之前就会公布它），删去 `results.tiers`
validate-rounding-unused = `awards.rounding` 不起作用：没有按比例设的奖项等级
validate-rounding-unused-help = 取整只对按比例设的等级（如 `share: 10`，即决赛人数的 10%）有用；请删去它，或者按比例设等级
validate-ties-unused = `awards.ties` 不起作用：还没有设奖项等级
validate-ties-unused-help = 请在 `awards.tiers` 下面设好奖项等级，或者删去 `ties`
validate-unit-award-no-name = 有一个单位奖项没有名称
validate-unit-award-no-name-help = 请写上它的名称 `name`，如 优秀组织奖
validate-unit-award-count-zero = 单位奖项 `{ $award }` 的数量是 0
validate-unit-award-count-zero-help = 请写评出几个（1 或更多），或者删去 `count`
validate-unit-award-wording = 单位奖项 `{ $award }` 既写了 `wording`，又写了 `count` 或 `to`
validate-unit-award-wording-help = `wording` 会原样显示，代替由 `count` 和 `to` 拼成的句子：两种写法只留一种

## 报名条件。
validate-limits-of-rules = `rules.limits`
validate-limits-of-group = 组别 `{ $group }` 的 `limits`
validate-limits-of-track = 赛项 `{ $track }` 的 `limits`
validate-listed-as-empty = `listed_as` 是空的
validate-listed-as-empty-help = 请写上个人参赛者在成绩表“参赛单位”一栏里填的字，例如 个人
validate-birth-dates-crossed = { $key } 要求出生日期不早于 { $after } 且不晚于 { $until }，没有哪一天同时符合
validate-birth-dates-crossed-help = 请把两个日期对调，或者改正其中一个
validate-age-no-bounds = { $key } 的 `age` 既没写 `min` 也没写 `max`
validate-age-no-bounds-help = 最小年龄写 `min: 18`，最大年龄写 `max: 35`，也可以两个都写
validate-age-no-day = { $key } 的 `age` 没写按哪一天计算年龄
validate-age-no-day-help = 请加上 `as_of: 年-月-日`，即“以……计算”的那一天，例如竞赛第一天
validate-age-crossed = { $key } 的 `age` 从 { $min } 岁到 { $max } 岁，大小颠倒了
validate-age-crossed-help = `min` 是最小年龄，`max` 是最大年龄：请对调
validate-work-years-zero = { $key } 要求的工作年限是 0 年
validate-work-years-zero-help = 请写 1 或更多，或者删去 `min_work_years`
validate-track-limits-except = { $key } 不能排除赛项：它只管这一个赛项
validate-track-limits-except-help = 请删去这里的 `except_tracks`；它只能写在 `rules.limits` 或组别的 `limits` 里
validate-except-unknown-track = { $key } 排除了赛项 `{ $track }`，但没有这个赛项
validate-except-track-not-in-group = { $key } 排除了赛项 `{ $track }`，但这个组别本来就不设这个赛项
validate-except-track-not-in-group-help = 请从 `except_tracks` 里删去它，或者把这个组别加到该赛项的 `groups` 里
validate-entry-in-group = { $track }（{ $group }）
validate-no-one-can-enter = 没有人能报名 { $entry }：{ $sources } 合起来要求出生日期不早于 { $earliest } 且不晚于 { $latest }
validate-no-one-can-enter-help = 请检查这几处条件里的日期和年龄；赛项的条件要与 `rules.limits` 和所在组别的条件同时满足，除非后者在 `except_tracks` 里排除了这个赛项
validate-quota-zero = 每个单位至少要能报 1 名
validate-quota-zero-help = 请写 1 或更大的数
validate-quota-min-zero = `min_per_unit: 0` 等于没有下限
validate-quota-min-zero-help = 请写每个单位至少要报的人数（1 或更多），或者删去 `min_per_unit`
validate-quota-crossed = 名额要求每个单位至少 { $min } 名，但最多只能报 { $max } 名（`per_unit`）
validate-quota-crossed-help = `min_per_unit` 是每个单位至少报的人数，`per_unit` 是最多报的人数：至少数不能大于最多数
validate-role-no-name = 这个人员角色没有名称
validate-role-no-name-help = 请写明是什么人员，例如 领队 或 联络员
validate-role-twice = 人员角色 { $role } 在 `rules.unit_roles` 里写了两次
validate-role-twice-help = 每个角色只写一次，人数写在它的 `count` 里
validate-role-count-zero = 人员角色 { $role } 的人数是 0
validate-role-count-zero-help = 请写每个单位报几名（1 或更多），或者删去这个角色

## 日期。
validate-stage-ends-before-start = `{ $stage }` 的结束日期 { $until } 早于开始日期 { $start }
validate-stage-ends-before-start-help = 结束日期不能早于开始日期
validate-stage-until-tbd = `{ $stage }` 写了结束日期，但开始日期是 `tbd`（待定）
validate-stage-until-tbd-help = 请写上开始日期，或者删去 `until`
validate-deadline-after-contest = 报名截止日期 { $deadline } 晚于竞赛开始日期 { $start }
validate-deadline-after-contest-help = 报名要在竞赛之前截止：请把截止日期改到 { $start } 之前，或者改竞赛日期（第 { $line } 行）
validate-two-contest-stages = 日程阶段 `{ $earlier }` 和 `{ $later }` 都是同一个赛项的比赛
validate-two-contest-stages-help = 各赛项在不同日期比赛的，请给每个比赛阶段写上各自的 `tracks: [...]`
validate-deadline-before-notice = 报名截止日期 { $deadline } 早于通知日期 { $notice }
validate-check-the-date-help = 请检查年、月、日
validate-opens-after-deadline = 报名开始日期 { $opens } 晚于报名截止日期 { $deadline }
validate-opens-after-deadline-help = `opens` 是报名的第一天：请改到截止日期 { $deadline } 当天或之前，或者改截止日期
validate-opens-before-notice = 报名开始日期 { $opens } 早于通知日期 { $notice }
validate-wrong-weekday = { $day }是{ $actual }，但这里写的是{ $written }
validate-wrong-weekday-help = 请改正星期几或日期
validate-deadline-text = 报名截止的说明文字里没有截止日期 { $day }
validate-deadline-text-help = 请写上与 `deadline:` 相同的日期

## 联系人、网址和网页。
validate-no-contacts = 本竞赛还没有联系人
validate-no-contacts-help = 请在 `contacts:` 下面加一位联系人，以 `- name:` 开头
validate-not-email = `{ $value }` 不是电子邮箱地址
validate-not-email-help = 请写成 name@example.cn 的样子
validate-not-phone = `{ $value }` 不是电话号码
validate-not-phone-help = 请写数字，可以带区号和 `-`，并加上引号："022-12345678"
validate-phone-label-empty = 这个电话没写是什么电话
validate-phone-label-empty-help = 请写明号码的名称，如 办公电话、手机
validate-not-postcode = `{ $value }` 不是邮政编码
validate-not-postcode-help = 请写 6 位数字，并加上引号："300222"
validate-no-base-url = `site.base_url`（网站地址）是空的，所以不生成 `sitemap.xml`，订阅和日历里的链接用相对地址，404 页面按网站在服务器根目录处理
validate-no-base-url-label = 还没有公开网址
validate-no-base-url-help = 网站公开地址确定后，请写在 `site:` 下的 `base_url` 里，例如 https://contest.example.cn/ai-2025/
validate-not-web-address = `{ $value }` 不是网址
validate-base-url-help = 请写以 https:// 开头的网址，例如 https://contest.example.cn/ai-2025/，或者空着不写
validate-base-url-too-long = 这个网址有 { $length } 个字符，超过了通知上二维码能容纳的 { $max } 个
validate-base-url-too-long-help = 请用网站简短的公开地址，例如 https://contest.example.cn/ai-2025/
validate-notices-per-page-zero = 每页至少要列出 1 条通知
validate-notices-per-page-zero-help = 请写一个数，如 20
validate-online-url-too-long = 这个网址有 { $length } 个字符，超过了允许的 { $max } 个
validate-online-url-too-long-help = 请用报名平台简短的公开地址
validate-online-url-help = 请写以 https:// 开头的报名平台网址，例如 https://bm.example.cn/，中间不要有空格（其他字符照浏览器地址栏复制出来的样子写）
validate-track-index = 赛项 id 不能用 `index`：它会顶替赛项列表页（`tracks/index.html`）
validate-track-index-help = 请给这个赛项换一个 id
validate-same-results-page = 赛项 `{ $track }` 的组别 `{ $group }` 与赛项 `{ $other_track }` 的组别 `{ $other_group }` 会用同一个成绩页 `results/{ $page }.html`
validate-same-results-page-help = 请改掉其中一个赛项或组别的 id，使“赛项-组别”的组合不再相同

## 方案的文字。
validate-plan-track-name = 赛项名称
validate-plan-group-name = 组别名称
validate-plan-deadline = 报名截止日期
validate-plan-weight = 评分权重
validate-plan-quota = 每单位名额
validate-plan-missing = 方案正文里没有提到{ $what } `{ $value }`
validate-plan-missing-label = 方案里没有
validate-plan-missing-help = `plan:` 下的方案会照原文公布：请修改方案的文字使它与这个值一致（或者修改这个值使它与方案一致）
