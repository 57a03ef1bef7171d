# 读取比赛文件夹（src/fs.rs）：每个错误都写明路径。

fs-failed = 无法{ $action }`{ $path }`：{ $reason }
fs-action-read = 读取
fs-action-list = 列出
fs-action-write = 写入
fs-action-create = 创建
fs-action-create-folder = 创建文件夹
fs-action-lock = 锁定
fs-action-remove = 删除
fs-action-remove-link = 删除链接
fs-action-rename = 重命名
fs-action-replace = 替换

# 最常见的系统错误；{ $os } 是系统自己的说法（英文），附在括号里便于技术人员查找。
fs-io-not-found = 文件或文件夹不存在（{ $os }）
fs-io-permission-denied = 没有权限（{ $os }）
fs-io-already-exists = 已经存在（{ $os }）
fs-io-is-a-folder = 这是一个文件夹（{ $os }）
fs-io-not-a-folder = 路径中有一项不是文件夹（{ $os }）
fs-io-read-only = 文件系统是只读的（{ $os }）
fs-io-full = 磁盘空间或配额已满（{ $os }）

fs-link-outside = 它是指向 `{ $target }` 的符号链接，在比赛文件夹之外；jingsai 只读取比赛文件夹里的文件，请把文件复制进来，不要用链接
fs-folder-link-outside = 它路径上的一个文件夹是指向 `{ $target }` 的符号链接，在比赛文件夹之外；jingsai 只读取比赛文件夹里的文件，请把文件复制进来，不要用链接
fs-listed-folder-outside = 它是指向 `{ $target }` 的符号链接，在比赛文件夹之外；jingsai 只读取比赛文件夹里的文件
fs-not-regular = 它不是普通文件（而是{ $kind }）；jingsai 只读取普通文件
fs-kind-folder = 一个文件夹
fs-kind-pipe = 一个命名管道
fs-kind-socket = 一个套接字
fs-kind-device = 一个设备
fs-kind-other = 其他特殊文件
fs-too-large = 文件大小为 { $size }，超过了{ $kind }的上限 { $limit }；是不是选错了文件？
fs-input-contest = 比赛定义文件
fs-input-notice = 通知
fs-input-results = 成绩表
fs-input-template = 页面模板
fs-input-asset = 样式表或脚本
fs-input-form = 表格模板
fs-input-roster = 名单
fs-size-bytes = { $bytes } 字节
fs-not-utf8 = 它不是 UTF-8 编码的文本：第 { $line } 行第 { $column } 列的字节 0x{ $byte } 不是 UTF-8；请把文件另存为 UTF-8 编码（在记事本或 WPS 中：另存为，编码选 UTF-8）
