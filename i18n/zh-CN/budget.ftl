# 时间和内存上限（src/budget.rs）。

budget-timeout =
    错误：生成时间超过了 { $seconds } 秒的上限，当时正在生成 { $what }；通常是某个模板或表格陷入了死循环
      提示：修改上面指出的模板或表格；如果比赛确实这么大，可以用 `--time-limit 秒数` 放宽上限；{ $then }
budget-memory =
    错误：jingsai 已停止：生成需要的内存超过了 { $mib } MiB 的上限；通常是某个模板或表格陷入了循环，或者输入的文件比任何比赛需要的都大得多
      提示：检查最近改过的模板、表格或输入文件，或用 `--memory-limit MIB` 放宽上限；没有写入任何文件
budget-contest-folder = 比赛文件夹
