# 成绩（src/results/、src/pdf/results_pdf/，以及 src/model/results_section.rs 的 `results.unit_awards`）。

## `results.unit_awards`：获得各项单位奖项的单位。
results-unit-award-undefined = `{ $award }` 不是本次竞赛设置的单位奖项
results-unit-award-undefined-help = 请写 `awards.unit_awards` 中某个奖项的名称：{ $awards }
results-unit-award-undefined-none-help = 请先在 `awards.unit_awards` 中设置这个奖项（写 `name`，以及 `count` 或 `wording`），再在这里写获奖单位
results-unit-award-twice = `{ $award }` 的获奖单位写了第二遍
results-unit-award-twice-help = 同一奖项的获奖单位请写在同一项里
results-unit-award-too-many = `{ $award }` 最多授予 { $count } 个单位（`awards.unit_awards`），这里写了 { $given } 个
results-unit-award-too-many-help = 请核对获奖单位名单，或改正 `awards.unit_awards` 中这个奖项的 `count`
results-unit-award-no-units = `{ $award }` 没有写获奖单位
results-unit-award-no-units-help = 请在 `units:` 下写获奖单位，写法与成绩表“参赛单位”列一致
results-unit-award-empty-unit = `{ $award }` 的获奖单位中有一项是空的
results-unit-award-unit-twice = `{ $unit }` 在 `{ $award }` 中写了两次
results-unit-award-unit-twice-help = 每个单位只写一次

## 成绩表中的模块成绩列。
results-unknown-module-column = { $place }（`{ $header }`）看起来是某个模块的成绩，但本次竞赛没有这个模块
results-unknown-module-key = 键 `{ $key }` 看起来是某个模块的成绩，但本次竞赛没有这个模块
results-unknown-module-column-help = 请按 `scoring.parts` 中模块的名称（{ $modules }）命名这一列，或在 contest.yaml 的 `results.columns.parts` 下添加这个表头，或者删去这一列

## 成绩表中的位置（src/results/read.rs）。
results-place-csv-cell = 第 { $row } 行 { $column } 列（{ $header }）
results-place-csv-row = 第 { $row } 行
results-place-xlsx-cell = { $sheet }!{ $column }{ $row }（{ $header }）
results-place-xlsx-row = { $sheet } 第 { $row } 行
results-place-yaml-cell = 第 { $row } 项（{ $header }）
results-place-yaml-row = 第 { $row } 项
results-place-csv-header = 第 { $row } 行 { $column } 列
results-place-yaml-key = 第 { $key } 个键
results-at = { $place }：{ $message }

## 一行中的各个单元格（src/results/validate.rs、published.rs）。
results-name-missing = 缺少姓名
results-name-missing-help = 请填写选手姓名
results-unit-missing = 缺少参赛单位
results-unit-missing-help = 请填写选派该选手的单位（参赛单位）
results-track-missing = 缺少赛项
results-not-a-track = `{ $track }` 不是本次竞赛的赛项
results-write-one-of = 请填写以下之一：{ $names }
results-group-without-groups = `{ $group }` 是组别，但本次竞赛不分组
results-group-without-groups-help = 请将“组别”列留空或删去，或在 contest.yaml 的 `groups:` 下设置组别
results-group-missing = 缺少组别
results-not-a-group = `{ $group }` 不是本次竞赛的组别
results-track-not-for-group = 赛项 { $track } 不设 { $group }
results-track-not-for-group-help = 请对照 contest.yaml 的 `tracks` 核对这一行的赛项和组别
results-not-a-status = `{ $status }` 不是可识别的状态
results-not-a-status-help = 有成绩的留空；未参赛的写 { $absent }，被取消资格的写 { $disqualified }
results-status-contradicts = `{ $cell }` 与状态 `{ $status }` 矛盾
results-status-contradicts-help = 状态只在状态列写一次
results-part-disagrees-with-modules = 成绩 { $score } 与 { $part } 各模块的成绩不符：{ $terms } = { $computed }
results-part-disagrees-with-modules-help = 请改正这个成绩或各模块的成绩，或删去 { $part } 这一列：它由各模块成绩算出
results-score-missing = 缺少成绩
results-score-no-column = 成绩表没有“{ $label }”列，而本行的赛项按它计分
results-score-no-column-help = 请在成绩表中增加表头为“{ $label }”的一列并填写本行的成绩
results-score-missing-help = 请填写成绩；未参赛的选手请在状态列写 { $absent }
results-score-space = `{ $cell }` 中间有空格，而成绩只能是一个数
results-score-space-help = 请把成绩写成一个不带空格的数，例如 85 或 85.5
results-score-not-a-number = `{ $cell }` 不是数字
results-score-not-a-number-help = 请用数字填写成绩，例如 86.5，不要带单位
results-score-out-of-range = 成绩 { $cell } 不在 0 到 { $full } 之间
results-score-out-of-range-help = 满分为 { $full } 分，请核对这个单元格
results-score-is-a-time = `{ $cell }` 是时间，不是成绩
results-score-is-a-time-help = 请把单元格格式设为“常规”或“数值”，再填写成绩
results-cell-error = 单元格中是表格公式错误 { $error }
results-score-cell-error-help = 请改正公式，或直接填写成绩数字
results-not-a-time = `{ $cell }` 不是可识别的用时
results-not-a-time-help = 用时请写成 1:23:45 或 83:20（分:秒），或写分钟数，例如 83.5
results-barred-honour = 获得 { $barred } 的人员不得以选手身份参赛（rules.barred_honours）
results-barred-honour-help = 请核对荣誉；不得参赛的人员不能有成绩
results-born-by-id = 身份证号显示出生日期为 { $born }
results-born-on = 出生日期为 { $born }
results-member = 第 { $member } 名队员：{ $given }
results-birth-outside-limits = { $given }，但 { $entry } 要求{ $limit }（{ $source }）
results-birth-outside-limits-help = 请核对这一行的出生日期、赛项和组别；不符合 contest.yaml 限制的选手不能有成绩
results-birth-date-help = 出生日期请写成 1990-01-31、1990/1/31 或 1990年1月31日，或把单元格格式设为日期
results-id-number-help = 请改正身份证号，或在“出生日期”列填写出生日期
results-birth-missing = 缺少出生日期，而该赛项的年龄或出生日期限制要据此核对
results-birth-missing-help = 请填写这名选手的出生日期或身份证号
results-breach-born-before = { $day } 及以后出生
results-breach-born-after = { $day } 及以前出生
results-breach-too-young = 在 { $on } 年满 { $min } 周岁（该选手为 { $age } 周岁）
results-breach-too-old = 在 { $on } 不超过 { $max } 周岁（该选手为 { $age } 周岁）
results-personal-number = { $what ->
        [name] 姓名
       *[unit] 参赛单位
    }中有看起来像{ $shape ->
        [id] 身份证号
       *[mobile] 手机号
    }的数字，而{ $what ->
        [name] 姓名
       *[unit] 参赛单位
    }是要公开的
results-personal-number-help = 请从这个单元格删去这个号码：身份证号和手机号不得出现在公开页面上；如需保留，请放在单独的列（身份证号、手机号）中，这些列不会被读取或公开
results-cell-too-long = { $what ->
        [name] 姓名
       *[unit] 参赛单位
    }有 { $chars } 个字，超过 { $max } 个
results-cell-too-long-help = 这个单元格只写{ $what ->
        [name] 姓名
       *[unit] 参赛单位
    }

## 跨行的检查（src/results/quota.rs）。
results-listed-twice = { $unit } 的 { $name } 在 { $track } 中出现了两次（第一次在 { $first }）
results-listed-twice-help = 请删去其中一行，或改正姓名或单位
results-quota-in = 在 { $scope }
results-quota-in-contest = 在整个竞赛中
results-over-quota = { $unit } { $scope }有 { $count } { $who ->
        [teams] 支参赛队
       *[contestants] 名选手
    }（第 { $rows } { $yaml ->
        [yes] 项
       *[no] 行
    }），每个单位限 { $quota } { $who ->
        [teams] 支
       *[contestants] 名
    }（rules.quota）
results-over-quota-individual-help = 如果这些是个人报名的选手，请在 contest.yaml 中写明：`rules.individual_entry` 下写 `listed_as: { $unit }`；这些行就不计入名额
results-over-quota-help = 请核对这些行的单位名称；一个单位选派的人数不得超过名额

## 表头行（src/results/table.rs、layout.rs、yaml_file.rs）。
results-no-header-row = 前 { $rows } 行中没有找到表头行
results-no-header-row-help = 第一行（或标题下面的一行）必须写明各列：{ $columns }；其他表头可以在 contest.yaml 的 `results.columns` 下添加
results-second-column = { $place }（{ $header }）：{ $label } 的第二列；第一列是 { $first }（{ $first_header }）
results-second-column-help = 每项只保留一列，或把另一列改名
results-no-column = 表头行（第 { $row } 行）没有 { $label } 列
results-no-column-help = 请把这一列命名为 { $headers }，或在 contest.yaml 的 `results.columns` 下添加它的表头
results-header-row = 表头行（第 { $row } 行）：{ $message }
results-some-module-columns = 成绩表有 { $part } 的模块 { $given } 的列，但没有 { $missing } 的列
results-some-module-columns-help = 请给 { $part } 的每个模块各设一列（成绩由它们算出），或删去模块列、直接填写 { $part } 的成绩
results-no-part-column = 成绩表既没有 { $part } 列，也没有它每个模块的列
results-no-part-column-help = 请把一列命名为 { $headers }，或给每个模块各设一列：{ $modules }
results-yaml-no-key = 没有哪一项写了 `{ $label }`
results-yaml-no-key-help = 请写成以下之一：{ $keys }，或在 contest.yaml 的 `results.columns` 下添加这个键
results-yaml-two-keys = `{ $other }` 和 `{ $key }` 都表示 { $label }
results-yaml-two-keys-help = 每一项中同一内容只用一个键
results-yaml-not-a-list-help = 成绩文件是一个列表，每项以 `- 姓名: …` 开头，每列写一行 `表头: 值`
results-not-utf8 = 文件不是 UTF-8 文本
results-not-utf8-help = 请另存为 UTF-8 编码

## 成绩文件与竞赛（src/results/mod.rs）。
results-several-files = 有 { $count } 个成绩文件：{ $files }
results-several-files-help = content/ 中只保留一个成绩文件，删去其他的
results-no-publication-date = `{ $file }` 中有成绩，但没有设置 `results.published`（公布日期）
results-no-publication-date-help = 请添加 `results:`，写上 `published: YYYY-MM-DD`，即成绩公布的日期
results-no-parts = `{ $file }` 中有成绩，但本次竞赛没有设置评分部分，无法读取成绩
results-no-parts-help = 请在 contest.yaml 中添加 `scoring.parts`，每部分写 `id`、`name` 和 `weight`：成绩表中每个部分有一列成绩
results-tie-break-no-time = `results.tie_break` 用到了用时，但文件中没有 { $label } 列
results-tie-break-no-time-help = 请添加用时列，或从 `results.tie_break` 中去掉 `time`

## 读取 CSV 文件或工作簿（src/results/csv_file.rs、workbook.rs）。
results-csv-encoding = 文件既不是 UTF-8 也不是 GBK 文本
results-csv-encoding-help = 请在 Excel 中另存为“CSV UTF-8 (逗号分隔)”，或另存为 .xlsx 工作簿
results-csv-cell-over = 第 { $row } 行 { $column } 列：{ $message }
results-csv-row-unreadable = 第 { $row } 行：无法读取这一行（{ $error }）
results-workbook-unreadable = 无法读取工作簿：{ $error }
results-workbook-resave-help = 请用 Excel 或 WPS 重新另存为 .xlsx 工作簿，或另存为 CSV
results-workbook-no-such-sheet = 工作簿中没有工作表 `{ $wanted }`；现有的是：{ $sheets }
results-workbook-no-such-sheet-help = 请改正 contest.yaml 中的 `results.sheet`，或重命名工作表标签
results-workbook-no-sheet = 工作簿中没有工作表
results-workbook-no-sheet-help = 请把成绩放在第一个工作表中
results-worksheet-unreadable = 无法读取工作表 `{ $name }`：{ $error }

## 出生日期和身份证号（src/results/birth.rs）。
results-not-a-birth-date = `{ $value }` 不是可识别的出生日期
results-not-a-date = 单元格中不是日期
results-id-number-shape = 身份证号不是 18 位（17 位数字加一位数字或 X）
results-id-number-no-date = 身份证号中没有有效的出生日期（第 7 至 14 位）

## 成绩文件的大小（src/results/limits.rs、workbook.rs）。
results-at-merged = { $place }（合并单元格）：{ $message }
results-zip-entries = 工作簿包含 { $parts } 个部件，超过成绩工作簿允许的 { $max } 个
results-zip-part-too-big = 工作簿的部件 `{ $name }` 解压后为 { $inflated }，超过单个部件 { $limit } 的限制
results-zip-part-too-big-help = 成绩表远没有这么大：工作簿中只保留成绩（一个工作表，不要图片），或另存为 CSV
results-more-than = 超过 { $limit }
results-zip-part-unreadable = 无法读取工作簿的部件 `{ $name }`：{ $error }
results-zip-ratio = 工作簿的部件 `{ $name }` 解压比为 { $ratio }:1（由 { $stored } 解压为 { $inflated }），超过办公文件 { $max }:1 的上限：文件是压缩炸弹或已损坏
results-zip-total = 工作簿各部件解压后合计超过 { $limit }
results-keep-only-results-help = 工作簿中只保留成绩（一个工作表，不要图片），或另存为 CSV
results-over-columns = 有单元格超出了 { $last } 列：成绩表最多 { $max } 列
results-over-columns-help = 请删去这个单元格以及成绩右边的所有内容，或把成绩复制到新的工作表
results-over-rows = 有单元格在第 { $max } 行以下：成绩表最多 { $max } 行
results-over-rows-help = 请删去这个单元格以及成绩下面的所有内容，或把成绩复制到新的工作表
results-over-cells = 成绩表的单元格超过 { $max } 个，超出了成绩表的上限
results-over-text = 单元格中的文字超过 { $max }，超出了成绩表的上限
results-sheet-only-results-help = 文件中只保留成绩：每位选手一行，只要成绩的各列
