# 生成流程（src/build.rs）。

build-nothing-written = 没有写入任何文件
build-xlsx-failed = { $form }：无法生成电子表格模板 `{ $path }`：{ $error }
build-unsafe-output-help = 用 `{ $option }` 换一个文件夹
build-forms-into-site = 拒绝把填好的表格写入 `{ $out }`：它在要公开的网站文件夹（`{ $site }`）里面
build-forms-into-site-help = 填好的表格里有身份证号和电话号码；请用 `--out` 指定网站以外的文件夹
build-no-such-form = 比赛的附件里没有 `form: { $form }`
build-no-such-form-help = 请用 { $forms }，或在 `attachments:` 下的附件里加上这个表格
build-no-such-form-help-none = 在 contest.yaml 的 `attachments:` 下的某个附件里加上这个表格
build-no-such-form-help-add = 在 `attachments:` 下加上它
