#!/usr/bin/env python3
"""Writes a results.csv of 101 contestants with long unit names into a copy of tests/fixtures/results/seed
(usage: long_sheet.py CONTEST_DIR). The phone layout check (browser.mjs phone) reads its pages: 101 rows in
one table (人工智能训练师 职工组) and a few in another, unit names from 6 to 34 characters (the longest are
longer than the 20 characters the check measures), notes of every length. Deterministic; every name,
unit and score is made up. The quota of the fixture (2 per unit) holds."""
import os
import random
import sys

rng = random.Random(14)
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国志文斌宇浩凯晨欣怡佳琪子涵梓轩雨博思远嘉俊婷雪梅"
PLACES = ["天津市", "天津市滨海新区", "天津经济技术开发区", "中国铁建", "国家电网", "天津市河西区", "中国石油化工股份有限公司天津分公司"]
TRADES = ["人工智能", "智能制造", "电子信息", "轨道交通", "港口物流", "高端装备", "新能源汽车", "生物医药", "数据服务"]
KINDS = ["有限公司", "研究院", "职业技术学院", "产业技术研究院有限公司", "集团有限责任公司", "技师学院", "中心"]


def units():
    """Distinct unit names, short and long, in a fixed order."""
    out = ["国网天津", "天津港集团"]
    for place in PLACES:
        for trade in TRADES:
            for kind in KINDS:
                out.append(place + trade + kind)
    rng.shuffle(out)
    return out


def names(n):
    seen = {"王喆", "李喆轩"}
    out = ["王喆", "李喆轩"]   # 喆: a character outside GB 2312 that the filter test types
    while len(out) < n:
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice([1, 2, 2])))
        if name not in seen:
            seen.add(name)
            out.append(name)
    return out


def main():
    contest = sys.argv[1]
    people = names(107)
    pool = units()
    rows = []
    for i, name in enumerate(people):
        unit = pool[i // 2]
        table = ("人工智能训练师", "职工组") if i < 101 else ("服务机器人应用技术员", "学生组")
        theory = round(rng.uniform(50, 99), 1)
        practical = round(rng.uniform(50, 99), 2)
        minutes = rng.randrange(130, 180)
        status = "缺考" if i in (50, 90) else ""
        scores = ["", "", ""] if status else [f"{theory:g}", f"{practical:g}", f"{minutes // 60}:{minutes % 60:02d}:{rng.randrange(60):02d}"]
        rows.append([name, unit, *table, *scores, status, "海河工匠" if i == 7 else ""])
    rows[103][0] = "张喆"   # the other table has a 喆 too
    os.remove(os.path.join(contest, "content", "results.csv"))
    with open(os.path.join(contest, "content", "results.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("姓名,参赛单位,赛项,组别,理论成绩,实操成绩,实操用时,状态,荣誉\r\n")
        for r in rows:
            f.write(",".join(r) + "\r\n")


main()
