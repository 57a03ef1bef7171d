# 命令行（src/main.rs、src/i18n/cli.rs）：`--help`、总结和错误。
# src/main.rs 里的文档注释是写给开发者的；这里是用户读到的文字。

## --help
cli-about = 发布一项技能竞赛：用一份 YAML 竞赛定义生成通知网站、表格、正式 PDF 文件和成绩。
cli-build-about = 检查比赛文件夹，然后把网站生成到 `output/`。
cli-check-about = 检查比赛文件夹，一次列出所有问题，不写入任何文件。
cli-serve-about = 生成网站并在本机预览，每次保存后自动重新生成；打开的页面会自动刷新。
cli-init-about = 新建一个比赛：一份带说明的 contest.yaml 和第一篇通知，其中的空白【请填写：……】在填好之前 `check` 都会指出来。
cli-forms-about = 用名单（CSV，UTF-8 或 GBK 编码）预先填好表格，放进单独的文件夹；或者显示一个内置表格的声明，作为自己表格的起点。
cli-schema-about = 输出 contest.yaml 或表格文件的 JSON Schema（格式说明），让编辑器在输入时补全键名、标出错误（如装了 YAML 插件的 VS Code）；`init` 会把两份都写进 `schema/`。
cli-help-about = 显示帮助，或某个命令的帮助
cli-arg-dir = 比赛文件夹（里面有 `content/`）；默认是当前文件夹。
cli-init-dir = 要新建的文件夹（或一个空文件夹）。
cli-arg-output = 网站写到哪里；默认是 `<比赛文件夹>/output`。
cli-schema-kind = 哪种文件的格式说明：`contest`（content/contest.yaml）或 `form`（forms/<编号>.yaml）。［默认：{ $default }］
cli-schema-out = 把格式说明写进这个文件（覆盖原有内容），而不是显示出来：`--out schema/contest.schema.json`。
cli-arg-fill = 名单：每人一行，各列标题写表格上的标签（姓名、所在单位……）或字段编号（name、unit……）。带表格的表（单位的报名汇总表）每行填表格的一行，合成一个 PDF；其他表格每行生成一个 PDF。
cli-arg-form = 哪个表格，写 contest.yaml 里附件用的编号（`form: registration`）。［默认：{ $default }］
cli-arg-show = 改为显示一个内置表格（registration、judge、roster）的声明，复制到 `forms/<编号>.yaml` 后修改：`jingsai forms --show roster > forms/roster.yaml`。
cli-arg-out = 填好的表格写到哪里；默认是 `<比赛文件夹>/filled-forms`。里面有个人信息，所以绝不会放进公开的网站。
cli-arg-port = 端口；默认是从 1111 起第一个空闲的端口。
cli-arg-bind = 监听哪个网络接口。只有本机能打开网站，除非指定别的接口（例如 `0.0.0.0`，让网络上的其他人也能看到）。［默认：{ $default }］
cli-arg-poll = 每 200 毫秒比较一次文件，而不是等待文件改动的通知（网络驱动器、某些容器和虚拟机里需要）。
cli-arg-font-path = 额外字体所在的文件夹（例如放仿宋字体的文件夹）；可以给多次。
cli-arg-no-system-fonts = 只用自带的字体和 `--font-path` 里的字体，不用本机安装的字体。
cli-arg-time-limit = 生成超过这么多秒就报错停止（防止模板或表格陷入死循环）。［默认：{ $default }］
cli-arg-memory-limit = 生成需要的内存超过这么多 MiB 就报错停止。［默认：{ $default }］
cli-arg-lang = 提示和帮助的语言：`zh`（中文）或 `en`（English）。不写时看环境变量 `JINGSAI_LANG`，再看系统的语言设置（`LC_ALL`、`LC_MESSAGES`、`LANG`：以 `en` 开头的是英文）；其他情况都用中文。
cli-arg-help = 显示帮助
cli-arg-version = 显示版本
cli-arg-help-command = 显示这些命令的帮助
cli-heading-arguments = 参数
cli-heading-options = 选项
cli-heading-commands = 命令
cli-heading-usage = 用法：
cli-usage-options = [选项]
cli-usage-command = <命令>

## 命令输出的话
cli-error = 错误：{ $message }
cli-error-with-help =
    错误：{ $message }
      提示：{ $help }
cli-error-with-help-line =
    错误：{ $message }
    提示：{ $help }
cli-problems-found = 发现 { $count } 个问题；{ $then }
cli-check-again = 改正后再运行 `jingsai check`
cli-check-fine = `{ $dir }` 检查通过：{ $tracks } 个赛项，{ $groups ->
        [0] 不分组别
       *[other] { $groups } 个组别
    }，{ $notices } 篇通知，{ $forms ->
        [0] 没有表格
       *[other] { $forms } 个表格（{ $names }）
    }，{ $results }
cli-check-results = 有 { $count } 名选手的成绩
cli-check-no-results = 还没有成绩
cli-built = 已生成 { $files } 个文件（{ $kib } KiB），写入 `{ $output }`：新写入 { $written } 个，未变 { $unchanged } 个，删除 { $removed } 个
cli-manifest-refused = 警告：`{ $output }/.jingsai-manifest` 列出的 `{ $line }` 指向输出文件夹之外或经过符号链接，所以没有删除它
cli-partly-written = 输出文件夹只写入了一部分（见上文）；问题解决后请再生成一次
cli-nothing-written = 没有写入任何文件
cli-wrote = 已写入 `{ $path }`
cli-init-done = 新比赛已建在 `{ $dir }`：把 content/contest.yaml 和通知里每一处用【】标出的空白填好，然后运行 `jingsai check { $dir }`
cli-no-builtin-form = 没有名为 `{ $id }` 的内置表格
cli-no-builtin-form-help = 内置表格有：{ $forms }
cli-schema-write-help = 请检查它所在的文件夹是否存在、能否写入
cli-filled = 已在 `{ $out }` 生成 { $count } 份填好的表格

## 选择语言
lang-unknown = `{ $source }` 要求的语言 `{ $value }`，jingsai 不支持
lang-unknown-help = 请用 `zh`（中文，默认）或 `en`（English）：`--lang en`，或 `JINGSAI_LANG=en`

## init
init-not-empty = `{ $dir }` 不是空的：jingsai init 只在空的或新的文件夹里新建比赛
init-not-empty-help = 换一个新文件夹的名字：`jingsai init my-contest`
init-fs-help = 检查这个文件夹能不能写入
