# 读取 YAML 文件（src/model/yaml/、src/model/values.rs）：contest.yaml、通知开头的信息、表格文件。

## 文件最左边（不缩进）的键。
yaml-noun-section = 部分
yaml-nouns-section = 部分
yaml-noun-key = 键
yaml-nouns-key = 键
yaml-guide-contest = 各部分的写法见 README
yaml-guide-form = 写法见 forms/README.md 第 2 节
yaml-top-written-twice = { $noun } `{ $key }` 写了两次
yaml-top-written-twice-label = 第二次
yaml-top-written-twice-help = 第一次的 `{ $key }:` 在第 { $line } 行；两处只保留一处
yaml-top-unknown = 没有叫 `{ $key }` 的{ $noun }
yaml-top-unknown-help = 请检查拼写；可以写的{ $nouns }有：{ $known }
yaml-top-missing = 缺少{ $noun } `{ $key }`
yaml-top-missing-help = 请在文件里顶格（不缩进）加上 `{ $key }:` 这一{ $noun }（{ $guide }）
yaml-top-empty = { $noun } `{ $key }` 下面什么也没写
yaml-top-empty-needs = { $noun } `{ $key }` 下面什么也没写；它至少要有 { $needs }
yaml-top-empty-needs-help = 请在 `{ $key }:` 下面缩进写出它的各个键（{ $guide }）
yaml-or-remove-line = ，或者删去 `{ $key }:` 这一行
yaml-top-empty-mapping-help = 请在 `{ $key }:` 下面缩进写出它的各个键{ $or_remove }（{ $guide }）
yaml-top-empty-list-help = 请在 `{ $key }:` 下面缩进写出各项，每项以 `- ` 开头{ $or_remove }（{ $guide }）
yaml-top-empty-label = 下面没有内容

## 缺少的键。
yaml-missing-key = 缺少键 `{ $key }`
yaml-missing-keys = 缺少键 { $keys }
yaml-missing-key-label = 在这一部分里
yaml-missing-key-help = 请在这一部分加上 `{ $key }:`
yaml-key-needs = `{ $key }` 下面要有 { $keys }
yaml-key-needs-help = 请在 `{ $key }:` 下面缩进加上 { $colons }
yaml-item-needs = 这一项要有 { $keys }
yaml-item-needs-help = 请在这一项里加上 { $colons }，与这一项的其他键上下对齐

## 读文件时发现的写法问题。
yaml-empty-value = 这里没有填值；请在冒号后面写上值（这个键如果可以不写，也可以整行删去）
yaml-not-boolean = `{ $found }` 不是 `true` 或 `false`
yaml-expected-boolean = 这里应写 `true` 或 `false`
yaml-boolean-help = 请写 `true`（是）或 `false`（否）；yes/no、on/off 都不算
yaml-list-expected = 这里应写一个列表
yaml-mapping-expected = 这里应写若干个“键: 值”
yaml-single-expected = 这里应只写一个值
yaml-shape-not-list = { $expected }，不能写成列表
yaml-shape-not-mapping = { $expected }，不能写成“键: 值”
yaml-shape-not-single = { $expected }，不能只写一个值
yaml-shape-nothing = { $expected }，但这里什么也没写
yaml-shape-not-list-or-mapping = { $expected }，不能写成列表或“键: 值”
yaml-list-help = 请把各项写在这个键下面，每项单独一行、以 `- ` 开头；或者写在方括号里：`[甲, 乙]`
yaml-mapping-help = 请在它下面缩进写若干行 `键: 值`，或者写在花括号里：`{"{"}键: 值{"}"}`
yaml-single-not-mapping-help = 这个键只填一个值（文字、数字或日期）：请写在冒号后面的同一行，值里有 `: `（冒号加空格）的要加引号；写在键下面的缩进行会被当成另外的键和值
yaml-single-not-list-help = 这个键只填一个值：请写在冒号后面的同一行，不要写成以 `- ` 开头的行，也不要加方括号（值本身以 `-` 或 `[` 开头的要加引号）
yaml-single-help = 请在冒号后面、与键同一行写一个值（值里有 `: ` 或以 `-` 开头的要加引号）
yaml-duplicate-key = 键 `{ $key }` 在这一部分里写了两次
yaml-duplicate-some-key = 有一个键写了两次
yaml-duplicate-key-label = 重复了
yaml-duplicate-key-help = 同一个键只能写一次：请删去重复的那个，或把两处合成一处
yaml-not-whole-number = `{ $found }` 不是整数
yaml-expected-whole-number = 这里应写一个整数
yaml-whole-number-help = 请用阿拉伯数字写整数，不带单位，例如 20
yaml-unknown-key = 这里不能写键 `{ $key }`（这里能写的键：{ $expected }）
yaml-unknown-key-label = 不认识的键
yaml-unknown-key-help-none = 请检查这个键的拼写，或者删去它
yaml-unknown-key-help = 请检查拼写，多半是键名写错了；这里能写的键有：{ $allowed }
yaml-unknown-value = `{ $value }` 不是可以填的值（只能填：{ $expected }）
yaml-unknown-value-help = 请改成上面列出的值之一
# $detail 是读 YAML 的程序库给出的英文原文。
yaml-layout = 这里的缩进或写法不对（原文：{ $detail }）
yaml-layout-help = 请检查缩进：同一部分的键要上下对齐；值里有 `: `（冒号加空格）的，要用引号括起来
yaml-tab = 这里用了 Tab 键缩进（原文：{ $detail }）
yaml-tab-help = 请用空格缩进；YAML 文件里不能用 Tab 键
yaml-other = 这里的内容读不出来（原文：{ $detail }）

## jingsai 自己检查的值（src/model/values.rs、results.columns）。
yaml-not-a-date = `{ $value }` 不是日期：请按“年-月-日”写，例如 2025-10-31
yaml-not-a-real-date = `{ $value }` 不是真实存在的日期（请检查月和日）
yaml-date-or-tbd = { $mistake }；日期还没定的，写 `tbd`
yaml-not-a-time = `{ $value }` 不是时刻：请按“时:分”写，例如 17:00
yaml-date-help = 日期按“年-月-日”写，例如 2025-10-31；还没定的日期写 tbd
yaml-not-an-id = `{ $value }` 不能作 id：只能用小写英文字母 a-z、数字和 `-`，例如 `ai-trainer`
yaml-not-headers = 请写一个列标题，或者写成列表，例如 [理论成绩, 理论]
