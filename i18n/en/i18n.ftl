# Joining words: lists built by `i18n::or_list` and `i18n::comma_list`.
i18n-item = { $item }
i18n-or = { $left } or { $right }
i18n-comma = { $left }, { $right }
