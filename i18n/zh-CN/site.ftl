# 网站模板（src/site/）：Tera 自己的话照原样给出（{ $reason }）。

site-cannot-render = 无法生成 `{ $path }`：{ $reason }
site-render-failed = 无法用模板 `{ $template }` 生成 `{ $path }`：
    { $error }
site-render-failed-help = 请改正模板，或者删去 `templates/` 里的同名文件，改用内置模板
site-not-utf8 = 这个模板不是 UTF-8 编码的文本
site-not-utf8-help = 请把文件另存为 UTF-8 编码
site-template-problem = `{ $dir }` 里的某个模板（或它所继承的内置模板）有问题：
    { $error }
site-template-problem-help = 请改正上面指出的模板；删去这个自己的模板，就会改回内置模板
site-syntax-help = 值写成 `{"{{"} name {"}}"}`，标签写成 `{"{%"} if … {"%}"}`、`{"{%"} for … {"%}"}`、`{"{%"} block … {"%}"}`，每个标签都要用对应的 `{"{%"} endif {"%}"}`、`{"{%"} endfor {"%}"}`、`{"{%"} endblock {"%}"}` 结束：请检查这里的括号和标签；删去这个文件就会改回内置模板
site-render-help = 请把这里用到的名字和页面收到的数据对照一下（src/site/builtin/ 里的内置模板列出了这些名字）；删去这个文件就会改回内置模板
site-unknown-help = 只能用 Tera 2 有的过滤器、测试和函数（见 https://keats.github.io/tera/docs/），以及确实存在的模板和块；删去这个文件就会改回内置模板
site-missing-parent = 它继承的模板 `{ $parent }` 不存在
site-missing-parent-help = 请继承 templates/README.md 列出的某个模板，或者添加 `templates/{ $parent }`
site-never-closed = `{"{%"} { $tag } {"%}"}` 没有结束
site-opened-here = 从这里开始
site-never-closed-help = 在 { $tag } 块结束的地方加上 `{"{%"} end{ $tag } {"%}"}`（每个 `{"{%"} { $tag } … {"%}"}` 都要有对应的 `{"{%"} end{ $tag } {"%}"}`）
site-wrong-end = `{"{%"} { $word } {"%}"}` 不能结束第 { $line } 行开始、还没结束的 `{"{%"} { $tag } {"%}"}`
site-wrong-end-help = 请先用 `{"{%"} end{ $tag } {"%}"}` 结束 { $tag } 块，或者删去这个结束标签
site-stray-end = `{"{%"} { $word } {"%}"}` 前面没有要结束的块
site-stray-end-help = 请删去它，或者在它前面加上开始这个块的标签
site-doing-page = 页面 `{ $path }`（模板 `{ $template }`）
