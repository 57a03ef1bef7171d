# 问题报告（src/diagnostics.rs）。

# 问题没有自己的标注时，标在出错文字下面的字。
diagnostics-here = 这里
# miette 在提示前面写的字。
diagnostics-help-word = 提示：
diagnostics-problems-found = 发现 { $count } 个问题
