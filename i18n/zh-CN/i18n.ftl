# 连接词：`i18n::or_list`、`i18n::comma_list` 和 `i18n::and_list` 拼出的列表。
i18n-item = { $item }
i18n-or = { $left }或{ $right }
i18n-comma = { $left }、{ $right }
i18n-and = { $left }和{ $right }
