# 竞赛文件夹整体（src/model/mod.rs、notice.rs、placeholders.rs、eligibility.rs、results_section.rs）。
model-not-a-contest-folder-help = 请在竞赛文件夹（里面有 `content/contest.yaml` 的文件夹）里运行 jingsai，或者把那个文件夹写在命令后面

## 报名条件写在哪里。
model-limits-of-rules = `rules.limits`
model-limits-of-group = 组别 `{ $group }` 的 `limits`
model-limits-of-track = 赛项 `{ $track }` 的 `limits`

## 通知（content/notices/*.md）。
model-notice-no-front-matter = 通知文件开头要先写标题、日期等信息
model-notice-no-front-matter-help = 文件第一行写 `---`，接着写 `title:`、`date:` 和 `source:`，再写一行 `---`
model-notice-front-matter-open = 开头的信息没有用 `---` 结束
model-notice-front-matter-open-help = 请在开头信息的后面加一行，只写 `---`
model-notice-bad-slug = `{ $slug }` 不能用在网址里
model-notice-bad-slug-help = 文件名请只用小写英文字母、数字和 `-`（例如 `2025-10-16-plan.md`），或者在开头信息里加上 `slug: plan`
model-notice-reserved-slug = 网址 `notices/{ $slug }.html` 是通知列表页，不能给这条通知用
model-notice-reserved-slug-help = 请给这条通知换个文件名，或者写上 `slug:`
model-notice-empty-title = 这条通知的标题是空的
model-notice-empty-title-help = 请写上标题
model-notice-same-address = 网址 `notices/{ $slug }.html` 已经被 `{ $other }` 用了
model-notice-same-address-help = 请给其中一条通知换个文件名，或者写上 `slug:`

## `jingsai init` 留下的待填内容。
model-blank = `{ $blank }` 还没有填写
model-blank-label = 请填写
model-blank-help = 请换成本竞赛自己的内容，并删去【】标记，然后再运行一次 `jingsai check`

## `results:` 部分和奖项等级。
model-results-decimals = `decimals: { $decimals }`：小数位数太多
model-results-decimals-help = 成绩保留 0 到 { $max } 位小数，一般保留 2 位
model-results-tie-break-unknown = `tie_break` 里的 `{ $name }` 既不是评分部分，也不是 `time`
model-results-tie-break-unknown-help = 请用 `scoring.parts` 里各部分的 id（{ $parts }）或 `time`
model-results-tie-break-twice = `{ $name }` 在 `tie_break` 里写了两次
model-results-tie-break-twice-help = 每个评分部分只写一次
model-results-column-unknown = `columns.parts.{ $id }` 对不上任何评分部分或模块
model-results-column-unknown-help = 请用 `scoring.parts` 里各部分及其模块的 id：{ $ids }
model-results-sheet-empty = `sheet`（工作表名称）是空的
model-results-sheet-empty-help = 请写上工作表标签上的名称，或者删去这个键，读第一张工作表
model-tier-share-or-count = 奖项等级 `{ $tier }` 要写 `share`（比例）或 `count`（名额），二者选一
model-tier-share-or-count-help = 写 `share: 10` 表示决赛人数的 10%，写 `count: 3` 表示评 3 名
model-tier-share = 奖项等级 `{ $tier }` 的比例是 { $share }%
model-tier-share-help = 比例是占决赛人数的百分数，在 1 到 100 之间
model-tiers-share-total = 各奖项等级的比例加起来占决赛人数的 { $total }%，超过了 100%
model-tiers-share-total-help = 请调低比例，使它们加起来不超过 100
