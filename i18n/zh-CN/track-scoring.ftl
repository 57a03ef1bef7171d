# 赛项自己的评分办法（`tracks[].scoring`）：模型的检查、页面和成绩。

track-scoring-kind-part = 评分部分
track-scoring-kind-module = 评分部分 `{ $part }` 的模块
track-scoring-id-other-kind = id `{ $id }` 在前面的评分办法中是{ $first }，这里却是{ $here }
track-scoring-id-other-kind-help = 同一个 id 在成绩表中是同一列，各赛项的评分办法里须是同一种（同一评分部分或同一部分的模块）；不是同一列的，请换一个 id
track-scoring-id-other-name = id `{ $id }` 在前面的评分办法中名为“{ $first }”，这里却名为“{ $here }”
track-scoring-id-other-name-help = 同一个 id 在成绩表中是同一列，名称须一致（权重、时长、方式可以不同）；不是同一部分的，请换一个 id
track-scoring-score-not-of-track = 赛项“{ $track }”的评分办法中没有“{ $column }”，这一格却填了 `{ $cell }`
track-scoring-score-not-of-track-help = 这一列是别的赛项的评分部分；本赛项的成绩请填在它自己的成绩列中，这一格留空或填“/”
track-scoring-track-without-parts = 赛项“{ $track }”的评分办法还没有评分部分，这一行的成绩无法计算
track-scoring-track-without-parts-help = 请在 contest.yaml 中这个赛项的 `scoring:` 下写出各评分部分及权重（`parts`），再公布它的成绩
