# The score sheet compared with the roster that `jingsai roster` wrote (src/roster/registered.rs).
roster-results-unregistered = { $name }（{ $unit }）不在报名名单 `{ $file }` 中
roster-results-other-unit = { $name }（{ $unit }）不在报名名单 `{ $file }` 中：名单里的 { $name } 报名单位是 { $units }
roster-results-other-track = { $name }（{ $unit }）报名的赛项是 { $entered }，成绩表写的是 { $track }
roster-results-help = 核对姓名、单位和赛项是否与报名名单一致（名单在 `{ $file }`，由 `jingsai roster` 生成）；若此人确已报名而名单中没有，把其报名表放入退回表格的文件夹后重新运行 `jingsai roster`
roster-results-unreadable = 读不出报名名单 `{ $file }`，成绩表没有与报名名单核对
roster-results-unreadable-help = 重新运行 `jingsai roster` 生成名单；不需要核对时，把这个文件移出比赛文件夹
roster-counts-no-roster = `registration.publish_counts` 要求发布报名情况页，但比赛文件夹中还没有报名名单 `{ $file }`，这次不发布该页
roster-counts-no-roster-help = 先在比赛文件夹运行 `jingsai roster --from <退回表格的文件夹>` 生成名单，再构建
roster-counts-unreadable = 报名名单 `{ $file }` 读不出，这次不发布报名情况页
