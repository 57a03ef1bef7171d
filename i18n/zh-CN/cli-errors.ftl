# 命令行本身的错误（选项写错、少了值），由 jingsai 而不是 clap 来说（src/i18n/cli.rs）。

clap-unknown-argument = 没有参数 `{ $arg }`
clap-as-value = 如果 `{ $arg }` 是要传的值，请写成 `-- { $arg }`
clap-unknown-command = 没有 `{ $command }` 这个命令
clap-similar = 是不是想写 { $names }？
clap-missing = 缺少必须写的参数：{ $args }
clap-missing-command = 还要写一个命令：{ $commands }
clap-no-value = `{ $arg }` 后面要写一个值
clap-bad-value = `{ $value }` 不能用作 `{ $arg }` 的值
clap-possible-values = 可以写的值：{ $values }
clap-conflict = `{ $arg }` 不能和 `{ $other }` 一起用
clap-conflict-some = `{ $arg }` 不能和已写的其他参数一起用
clap-repeated = `{ $arg }` 只能写一次
clap-too-many = `{ $arg }` 的值 `{ $value }` 多余了：它不需要更多的值
clap-wrong-count = `{ $arg }` 的值的个数不对
clap-no-equals = `{ $arg }` 的值要用等号连写，如 `{ $arg }=值`
clap-not-utf8 = 有参数不是有效的 UTF-8 文本
clap-other = 命令行写得不对
clap-tip = 提示：{ $tip }
clap-more = 想看说明，请运行 `{ $help }`。
