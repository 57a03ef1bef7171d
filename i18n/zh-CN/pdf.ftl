# PDF 文件（src/pdf/）：Typst 自己的话照原样给出（{ $detail }）。

# 出问题时怎样称呼正式文件。
pdf-notice = 通知 PDF
pdf-results = 成绩 PDF
pdf-document-error = { $document }：{ $error }
pdf-typst-diagnostic = { $document }：{ $detail }{ $trace }
pdf-typst-trace = { $before }{"\u000A  位于 "}{ $place }
pdf-form-template-help = 请改正上面指出的表格模板，或者删去 `forms/` 里的同名文件，改用内置模板
pdf-unknown-font-help = 请用自带的或本机安装的字体，或者用 `--font-path` 指定字体所在的文件夹
pdf-missing-glyph = { $document }{ $page ->
        [0] {""}
       *[other] 第 { $page } 页
    }：自带的和本机安装的字体里都没有字符 `{ $character }`（{ $code }），印出来会是一个空框
pdf-missing-glyph-help = 请换一种写法，或者用 `--font-path 文件夹` 指定一个有这个字的字体所在的文件夹
pdf-add-fields-failed = { $document }：无法加上填写栏：{ $error }
pdf-field-font-failed = 无法准备填写栏用的字体：{ $error }
pdf-form-file-name = 表格文件 `{ $path }` 的文件名 jingsai 不能用
pdf-form-file-name-help = 表格文件名只能用英文字母 a-z、数字、`-` 和 `_`，例如 `registration.typ`

## 表格排出的页数比声明的多。
pdf-overflow = { $document }排成了 { $pages } 页，但它声明要排在一页纸上
pdf-overflow-moved = { $document }排成了 { $pages } 页，但它声明要排在一页纸上；排到第 2 页及以后的有：{ $moved }
pdf-overflow-builtin-help = 少列一些赛项或组别（每个都是一个勾选框），或者把表格变成自己的：`jingsai forms --show { $id } > forms/{ $id }.yaml`，再调低其中的高度（见 forms/README.md）
pdf-overflow-label = 从这里起排到了第 2 页
pdf-overflow-help = 调低一些高度、少列一些选项，或者写 `overflow: continue`，让表格接着排到下一页并重复表头（见 forms/README.md）

## 表格模板标出的填写栏。
pdf-field-not-dictionary = 填写栏的信息必须是一个字典（dictionary）
pdf-field-no-name = 有一个填写栏没有名字
pdf-field-no-location = 有一个填写栏标记没有位置
pdf-field-no-position = 有一个填写栏标记没有坐标
pdf-field-twice = 填写栏 `{ $name }` 出现了两次
pdf-field-no-edge = 填写栏 `{ $name }` 有一个标记没写 `edge`
pdf-field-no-end = 填写栏 `{ $name }` 没有结束标记
pdf-field-split = 填写栏 `{ $name }` 被分在了两页上

## 用名单预先填表（jingsai forms --fill）。
pdf-roster-row = `{ $path }` 第 { $row } 行：{ $error }
pdf-roster-header = `{ $path }`：无法读取标题行：{ $error }
pdf-roster-cell = `{ $path }` 第 { $row } 行第 { $column } 列：{ $detail }
pdf-roster-cell-of = `{ $path }` 第 { $row } 行第 { $column } 列（{ $label }）：{ $detail }
pdf-roster-too-many = `{ $path }` 有 { $rows } 行，但表格里的表只有 { $capacity } 行
pdf-roster-too-many-help = 请把名单分成几个文件，每个最多 { $capacity } 行，或者在表格文件里调大表的 `rows:`
pdf-roster-differs = `{ $value }` 和前面一行的 `{ $before }` 不一样
pdf-roster-differs-help = 一份名单的所有行填进同一张表：请在每一行给这一列写同样的值，或者第一行以后留空
pdf-roster-not-a-field = `{ $header }` 不是这张表格上的填写项
pdf-roster-not-a-field-help = 请用表格上印的标签：{ $labels }；或者填写项的编号：{ $ids }
pdf-roster-several = `{ $header }` 对应表格上不止一个填写项
pdf-roster-several-help = 请用下列编号之一作为这一列的标题：{ $ids }
pdf-roster-length = `{ $cell }` 有 { $count } 个字符，应该是 { $chars } 个
pdf-roster-length-help = 请核对这个号码
pdf-roster-not-a-choice = `{ $cell }` 不是可选的选项
pdf-roster-write-one-of = 请写下列之一：{ $options }
pdf-roster-not-a-date = `{ $cell }` 不是日期
pdf-roster-date-help = 日期请写成 2025-10-20 或 2025年10月20日
pdf-field-not-metadata = `<jingsai-field>` 标签必须加在 `metadata` 上
pdf-doing = { $document }（表格模板 `{ $file }`）
pdf-results-failed = { $document }：{ $error }
