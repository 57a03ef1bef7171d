# `jingsai serve`（src/serve/）：终端里的输出、页面上的错误框、预览服务器自己的回答。

serve-serving = 正在预览 { $url }（按 Ctrl-C 停止）；正在监视 content/、templates/ 和 forms/
serve-listening-everywhere = 注意：正在监听 { $ip }，网络上的其他电脑也能打开这个网站
serve-stopped = 已停止
serve-built = { $first ->
        [yes] 已生成
       *[no] 已重新生成
    } { $count } 个文件，用时 { $ms } 毫秒（{ $redone }：{ $phases }）
serve-phase = { $name } { $ms } 毫秒
serve-phase-read = 读取
serve-phase-pdfs = PDF
serve-phase-pages = 页面
serve-phase-pdfs-and-pages = PDF 和页面
serve-redone-everything = 全部
serve-redone-nothing = 无
serve-redone-pages = 页面
serve-redone-notices = { $count } 个通知
serve-redone-forms = { $count } 个表格
serve-still-serving = 仍在显示上一次成功生成的网站
serve-worker-waiting = 自从上次中止的生成以来没有文件改动；等待下一次保存
serve-worker-stopped = 重新生成的进程已停止；下一次保存时会启动新的进程重新生成
serve-stopped-memory = 生成需要的内存超过了内存上限（详见终端）；通常是某个模板或表格陷入了循环，或者输入的文件比任何比赛需要的都大得多。仍在显示上一次成功生成的网站。
serve-stopped-unexpectedly = 重新生成的进程意外停止（{ $status }）。仍在显示上一次成功生成的网站。
serve-panicked = jingsai 在重新生成时内部出错（{ $what }）；这是 jingsai 的缺陷，不是你的文件有问题。仍在显示上一次成功生成的网站；下一次保存时会全部重新生成。
serve-watch-warning = 警告：监视文件时出错：{ $error }

# 生成失败后每个页面底部的红框。
serve-overlay-title = jingsai：最近的修改无法生成网站，现在显示的是上一次成功生成的网站。
serve-overlay-help = {"  "}提示：{ $help }

# 预览服务器自己的回答。
serve-misdirected = 这个预览只回答本机的请求（Host: localhost 或 127.0.0.1）
serve-404-title = 找不到页面
serve-404-text = 网站里没有 { $path }。
serve-404-home = 首页

# serve 无法启动或不得不停止的原因。
serve-error-folder = 无法打开比赛文件夹 `{ $path }`
serve-error-bind = 无法在 `{ $address }` 上监听
serve-error-bind-help = 用 `--port` 换一个端口
serve-error-no-free-port = `{ $ip }` 上从 { $first } 到 { $last } 的端口都被占用了
serve-error-no-free-port-help = 用 `--port` 指定一个端口
serve-error-listener = 无法设置监听
serve-error-listener-address = 无法读取监听地址
serve-error-server = 无法启动预览服务器
serve-error-server-stopped = 预览服务器停止了
serve-error-watcher = 无法监视文件
serve-error-watcher-help = 试试 `--poll`
serve-error-watch-folder = 无法监视 `{ $path }`
serve-error-find-program = 找不到 jingsai 程序，无法启动重新生成的进程
serve-error-spawn = 无法启动重新生成的进程
serve-error-worker-did-not-start = 重新生成的进程没能启动
serve-error-first-build-lost = 第一次生成意外中止
serve-error-stdout = 无法使用标准输出
serve-error-server-gone = 预览服务器已经不在了
serve-error-panicked = 内部错误，重新生成已停止
