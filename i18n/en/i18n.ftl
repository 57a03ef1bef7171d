# Joining words: lists built by `i18n::or_list`, `i18n::comma_list` and `i18n::and_list`.
i18n-item = { $item }
i18n-or = { $left } or { $right }
i18n-comma = { $left }, { $right }
i18n-and = { $left } and { $right }
