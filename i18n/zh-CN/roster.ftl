# jingsai roster：读取各单位交回的报名材料，生成核对后的报名名单（src/roster/）。
roster-cli-about = 读取各单位交回的报名材料（填好的PDF报名表、报名汇总表电子表格、CSV），核对后生成报名名单、成绩登记表和每个单位的问题清单，不放入公开网站。
roster-cli-from = 存放交回材料的文件夹（填好的报名表或报名汇总表PDF、xlsx或CSV名单）；其中及子文件夹中的每个文件都会读取。
roster-cli-out = roster.xlsx、score-sheet.xlsx 和 reports/ 写入的文件夹，默认为 `<dir>/roster`。其中含身份证号和手机号，不会放入公开网站。
roster-cli-summary = 读取 { $files } 个文件：{ $entries } 条报名信息，{ $problems ->
    [0] 未发现问题
   *[other] { $problems } 个问题
    }；{ $clean } 人写入成绩登记表；已写入 `{ $out }`
roster-finding = `{ $file }`{ $place }：{ $message }
roster-finding-file = `{ $file }`：{ $message }
roster-place-field = （字段 `{ $field }`）
roster-place-cell = （{ $cell }）
roster-place-csv = （第{ $row }行第{ $column }列，{ $header }）
roster-place-row = （第{ $row }行）
roster-into-site = 拒绝把报名名单写入 `{ $out }`：它在公开网站的文件夹（`{ $site }`）里
roster-into-site-help = 报名名单含身份证号和手机号；请用 `--out` 指定网站以外的文件夹
roster-no-folder = 无法读取交回材料的文件夹 `{ $from }`：{ $error }
roster-no-folder-help = 请用 `--from` 指定保存交回材料的文件夹
roster-not-a-file = 不是普通文件（符号链接、管道或设备），未读取
roster-not-a-file-help = 请把文件本身复制到该文件夹
roster-too-many-files = 文件超过 { $max } 个，其余未读取
roster-too-many-files-help = 请把交回的文件分到几个文件夹
roster-file-unreadable = 无法读取：{ $error }
roster-file-unreadable-help = 请确认文件没有被其他程序打开，并且有读取权限
roster-file-too-big = 文件大于 { $max }，未读取
roster-file-too-big-help = 填好的表格远小于此；请单位发送填好的表格本身，而不是扫描件
roster-unknown-file = 不是PDF、xlsx或CSV文件，未读取
roster-unknown-file-help = 请另存为填好的PDF表格、xlsx工作簿或CSV文件，或移出该文件夹
roster-old-format-help = 请用Excel或WPS打开，另存为 .xlsx（Excel工作簿）或CSV
roster-pdf-unreadable = PDF无法读取：{ $error }
roster-pdf-unreadable-help = 请单位在PDF阅读器中保存填好的表格后重新发送（不要“打印为PDF”）
roster-pdf-no-fields = 该PDF没有可填写的字段，不是填好的表格（扫描件或“打印为PDF”？）
roster-unknown-pdf = 该PDF的字段与本次竞赛的任何表格都不一致
roster-unknown-pdf-help = 本次竞赛的表格为：{ $forms }；请单位使用网站下载的表格填写
roster-xlsx-unreadable = 工作簿无法读取：{ $error }
roster-xlsx-unreadable-help = 请用Excel或WPS打开后重新另存为 .xlsx
roster-csv-unreadable = 第{ $row }行无法读取：{ $error }
roster-csv-unreadable-help = 请用Excel或WPS重新另存为CSV
roster-no-header-row = 没有一行表头与本次竞赛表格的栏目一致
roster-no-header-row-help = 表头应与表格上的栏目一致：{ $labels }
roster-no-entries = 文件中没有报名信息（未填写）
roster-no-entries-help = 请单位发送填好的表格
roster-missing = 缺少{ $label }
roster-blank-form = 这份表格是空白的，没有填写任何内容
roster-blank-form-help = 请该单位填写后重新发送；若是误附的空白表格，删除这个文件即可
roster-missing-help = 请填写{ $label }
roster-missing-column-help = 文件中没有{ $label }：请增加表头为“{ $label }”的一列
roster-id-shape = 身份证号不是17位数字加一位数字或X（共{ $count }个字符）
roster-id-no-date = 身份证号中的出生日期不是真实的日期
roster-id-check-digit = 身份证号的校验码（最后一位）与前17位不符（GB 11643）
roster-id-help = 请对照身份证重新填写身份证号：18位，最后一位为数字或X
roster-sex-differs = 性别“{ $sex }”与身份证号不符（身份证号为{ $by_id }）
roster-sex-differs-help = 请对照身份证核对性别和身份证号
roster-not-mobile = { $label }“{ $value }”不是手机号（11位数字，以13至19开头）
roster-not-phone = { $label }“{ $value }”不是电话号码
roster-phone-help = 请只填数字（固定电话写作 022-12345678）
roster-not-a-date = { $label }“{ $value }”不是日期
roster-date-help = 日期写作 2025-10-20 或 2025年10月20日
roster-after-deadline = 填表日期为 { $day }，晚于报名截止日期（{ $deadline }）
roster-after-deadline-help = 截止后的报名须经组委会同意；请与组委会联系，日期填错的请更正
roster-several-tracks = 选择了多个赛项：{ $value }
roster-several-groups = 选择了多个组别：{ $value }
roster-several-tracks-help = 每份报名只报一个赛项、一个组别；报多个赛项的请每个赛项填一份
roster-no-such-track = 赛项“{ $value }”不是本次竞赛的赛项
roster-no-such-group = 组别“{ $value }”不是本次竞赛的组别
roster-one-of-help = 请填写以下之一：{ $names }
roster-no-groups = 填写了组别“{ $value }”，但本次竞赛不分组别
roster-no-groups-help = 组别请留空
roster-track-not-for-group = { $track }赛项不设{ $group }
roster-track-not-for-group-help = 请核对通知中{ $track }赛项所设的组别
roster-breach = 按身份证号中的出生日期，{ $breach }（{ $key }）
roster-breach-help = 此人不符合该赛项、组别的参赛条件；请核对身份证号，或赛项和组别
roster-born-before = 出生于 { $day } 之前
roster-born-after = 出生于 { $day } 之后
roster-too-young = { $on } 时 { $age } 周岁，小于 { $min } 周岁
roster-too-old = { $on } 时 { $age } 周岁，大于 { $max } 周岁
roster-twice = 同一人（{ $name }，身份证号 { $masked }）重复报名；首次出现在 `{ $first_file }`{ $first_place }（单位：{ $first_unit }）
roster-twice-help = 每人只能报名一次：请有关单位商定保留哪一条，撤回另一条
roster-quota-in = 在{ $scope }中
roster-quota-in-contest = 在本次竞赛中
roster-over-quota = { $unit }{ $scope }报名 { $count } { $team ->
    [true] 支队
   *[other] 人
    }，超过每个单位最多 { $max } 的名额（文件：{ $files }）
roster-over-quota-help = 请该单位撤回多出的报名，最多保留 { $max }；在此之前其报名均不写入成绩登记表
roster-under-quota = { $unit }{ $scope }报名 { $count } { $team ->
    [true] 支队
   *[other] 人
    }，少于每个单位应报的 { $min }
roster-under-quota-help = 请与该单位核实是否漏报（至少 { $min }）
roster-xlsx-write = 无法生成电子表格：{ $error }
roster-report-head = { $unit }：共收到 { $count } 条报名信息，其中 { $held } 条需修改后才能写入成绩登记表。
roster-report-fine = 未发现问题。
roster-report-files-head = 无法作为表格读取的文件（{ $count } 个）：
roster-barred-honour = { $label }{ $honours }：已获此荣誉或资格的人员不得以选手身份参赛（`rules.barred_honours`、`barred_qualifications`）
roster-barred-honour-help = 请与该单位核实；确已获得的，撤回这条报名；填错的，请更正后重新发送
roster-mentions-barred = { $label }中提到{ $honours }（不得以选手身份参赛的荣誉或资格），请人工核对
roster-mentions-barred-help = 若是选手本人获得，不得以选手身份参赛，请撤回这条报名；若只是提及（如指导学生获奖），无需处理。这条报名照常写入成绩登记表
roster-mentions-no-award = { $label }中提到{ $honours }（可参赛排名、不享受竞赛奖励的荣誉），请人工核对
roster-mentions-no-award-help = 若是选手本人获得，请在成绩登记表的“荣誉”列填写该荣誉，发布成绩时注明不享受竞赛奖励；若只是提及，无需处理
roster-too-many-coaches = { $label }“{ $value }”有 { $count } 人，每位选手最多 { $max } 名教练（`rules.coaches_per_contestant`）
roster-too-many-coaches-help = 请该单位确定 { $max } 名教练后重新填写
roster-role-missing = { $unit }没有填写{ $role }（`rules.unit_roles`：每个单位须确定{ $role } { $count } 名）
roster-role-missing-help = 请该单位在{ $forms }中填写{ $role }；这不影响其选手写入成绩登记表
roster-role-too-many = { $unit }填写了 { $count } 名{ $role }（{ $names }），最多 { $max } 名（`rules.unit_roles`）
roster-role-too-many-help = 请该单位确定{ $role }（最多 { $max } 名），并在各份表格中填写同一人
roster-report-no-award-head = 以下选手已获可参赛排名、不享受竞赛奖励的荣誉（已写入成绩登记表的“荣誉”列）：
roster-report-no-award-line = { $name }（{ $honours }），`{ $file }`{ $place }
