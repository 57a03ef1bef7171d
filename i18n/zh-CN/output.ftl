# 写入输出文件夹（src/output/）。

output-unsafe = 拒绝生成到 `{ $path }`：{ $reason }
output-unsafe-link = `{ $link }` 是比赛文件夹里的一个符号链接，这样就由比赛文件夹决定 jingsai 往哪里写了；请删掉这个链接，或用 `--output` 给出真正的文件夹
output-unsafe-root = 这是文件系统的根目录
output-unsafe-home = 这是你的主文件夹
output-unsafe-project = 这就是比赛文件夹本身；请另选一个文件夹，比如 `output`
output-unsafe-contains-project = 比赛文件夹就在它里面
output-unsafe-inside = 它在比赛文件夹的 `{ $source }` 文件夹里面

output-busy = 另一个 jingsai 正在往 `{ $dir }` 写文件
output-busy-help = 等另一次生成结束后再生成
output-not-ours = 拒绝写入 `{ $dir }`：它不是空的，也不是 jingsai 生成的（里面没有 `{ $manifest }`）；里面有 { $entries }
output-not-ours-help = 用 `--output` 指定一个空的或新的文件夹，或者先把这些文件移走
output-staging-help = 解决上面说的权限或空间问题后再生成一次；上次生成的输出没有改动
output-partial = { $error }；输出文件夹现在一半是新的，一半是旧的：已替换 { $replaced_count } 个文件（{ $replaced }），还有 { $old_count } 个文件是上次生成的（{ $old }）
output-partial-help = 解决上面说的问题后再生成一次：下次生成会替换旧文件
output-folder-in-the-way = 这次生成要在这里放一个文件，但这里有一个文件夹；请把文件夹移走
output-file-in-the-way = 这次生成要在这里建一个文件夹，但这里有一个文件；请把文件移走

# 消息里列出的名字：只列前几个，加引号。
output-list = { $names }
output-list-more = { $names }，另有 { $more } 个
output-list-none = 无
