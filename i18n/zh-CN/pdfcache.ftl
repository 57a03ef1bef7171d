# 已生成 PDF 的缓存（src/pdf/cache.rs）。

pdfcache-summary = PDF：{ $cached } 个取自缓存，{ $compiled } 个重新生成（缓存：`{ $dir }`）
pdfcache-summary-off = PDF：{ $compiled } 个重新生成（未使用 PDF 缓存）
pdfcache-summary-unusable = PDF：{ $compiled } 个重新生成；未使用 PDF 缓存：{ $reason }
pdfcache-rejected = 警告：PDF 缓存中有 { $count } 项未通过校验（已损坏、不完整或不是本 jingsai 生成的），已忽略并重新生成这些 PDF
pdfcache-inside-contest = 缓存文件夹`{ $dir }`位于竞赛文件夹内，而竞赛文件夹的内容由发送它的人决定；请把 `JINGSAI_CACHE_DIR` 设为竞赛文件夹以外的文件夹
pdfcache-inside-output = 缓存文件夹`{ $dir }`位于输出文件夹内，而输出文件夹会被发布；请把 `JINGSAI_CACHE_DIR` 设为输出文件夹以外的文件夹
pdfcache-cannot-create = 无法创建缓存文件夹`{ $dir }`：{ $error }
pdfcache-not-a-folder = 缓存文件夹`{ $dir }`不是文件夹（或是符号链接）
pdfcache-arg-no-cache = 重新生成所有 PDF，不复用输入未变的 PDF（缓存在 `~/.cache/jingsai/pdf`，或 `JINGSAI_CACHE_DIR` 指定的文件夹）。
