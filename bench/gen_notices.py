#!/usr/bin/env python3
"""Generates N realistic Chinese notices for the jingsai build benchmark (stdlib only).

Usage: gen_notices.py COUNT OUT_DIR [--seed S] [--chars C]

Writes OUT_DIR/<date>-notice-<nnnnn>.md, each with YAML front matter (title, date, source) and a
Markdown body of about C (default 400) Chinese characters: an opening paragraph wrapped over several
source lines (soft breaks between Chinese characters), a `##` heading, a bulleted list, a paragraph with
bold text and a link to ../registration.html, and closing paragraphs. The output depends only on COUNT,
SEED and C, so every run benchmarks the same bytes.
"""

import argparse
import datetime
import os
import random
import sys

SOURCES = [
    "市人社局", "天津职业技术师范大学电子工程学院", "竞赛组委会办公室", "技术专家组",
    "监督仲裁委员会", "市人社局职业能力建设处",
]

TITLE_HEADS = [
    "关于", "市人社局关于", "竞赛组委会关于", "技术专家组关于", "承办单位关于",
]
TITLE_TOPICS = [
    "人工智能训练师赛项", "服务机器人应用技术员赛项", "生成式人工智能系统应用员赛项",
    "选拔赛", "第四届全国人工智能应用技术技能大赛天津选拔赛", "学生组", "职工（含教师）组",
    "理论考试", "实操比赛", "裁判员培训", "赛前说明会", "参赛选手报到",
]
TITLE_TAILS = [
    "报名工作的通知", "技术文件发布的通知", "竞赛时间安排的通知", "赛场开放日的通知",
    "成绩公示的公告", "获奖名单的公示", "报到须知", "有关事项的补充通知", "样题发布的通知",
    "考场安排的通知", "裁判员遴选结果的公告", "安全保障工作的通知",
]

HEADINGS = [
    "报名", "竞赛时间", "竞赛地点", "参赛要求", "材料报送", "注意事项", "联系方式", "成绩评定",
    "日程安排", "技术文件", "安全须知", "疫情防控", "交通指引", "设备说明",
]

# Clauses in the style of official notices; sentences are built from these.
SUBJECTS = [
    "各参赛单位", "各区人力资源和社会保障局", "各普通高校、职业院校", "参赛选手", "指导教师",
    "裁判员", "技术专家组", "承办单位", "竞赛组委会办公室", "监督仲裁委员会", "有关单位",
]
VERBS = [
    "应当认真组织", "须按时完成", "请及时关注", "要严格落实", "应提前做好", "须如实填写",
    "要统筹安排", "请按要求报送", "应积极配合", "须妥善保管",
]
OBJECTS = [
    "选手报名表和裁判候选人推荐表", "理论考试和实操比赛的各项准备工作", "本站发布的通知公告",
    "竞赛场地的安全检查", "参赛选手的身份核验", "赛项技术文件的学习", "设备调试和环境确认",
    "选手身份证、学籍或工作证明等扫描件", "竞赛纪律和保密要求", "成绩复核和结果公示",
    "往返交通和食宿安排", "人身意外伤害保险的购买",
]
ADVERBIALS = [
    "在报名截止前", "按照竞赛方案", "根据有关规定", "经内部推选确定后", "在开赛前三个工作日内",
    "结合本单位实际", "在规定时间内", "依据国家职业技能标准", "按照公开公平公正的原则",
]
ENDINGS = [
    "确保竞赛顺利进行", "逾期不予受理", "具体安排另行通知", "保障选手合法权益",
    "营造良好的竞赛氛围", "推动职业技能竞赛广泛开展", "促进人工智能人才队伍建设",
]
LIST_ITEMS = [
    "选手报名表（附件1）加盖公章后制扫描件",
    "裁判候选人推荐表（附件2）加盖公章后制扫描件",
    "选手身份证、学籍或工作证明扫描件（JPG格式）",
    "原职业资格或技能等级证书扫描件",
    "选手2寸白色背景照片，不低于2M",
    "参赛选手须携带身份证原件按时报到",
    "理论考试成绩占20%，实操比赛成绩占80%",
    "竞赛期间不得携带通信工具进入赛场",
    "各组别按比赛总成绩排名决定名次",
    "赛前选手因故无法参赛须出具书面说明",
]


def cjk_len(text):
    return sum(1 for c in text if "\u3000" <= c <= "\u9fff" or "\uff00" <= c <= "\uffef")


def sentence(rng):
    parts = [rng.choice(ADVERBIALS), "，", rng.choice(SUBJECTS), rng.choice(VERBS),
             rng.choice(OBJECTS)]
    if rng.random() < 0.6:
        parts += ["，", rng.choice(ENDINGS)]
    parts.append("。")
    return "".join(parts)


def sentences(rng, target):
    """Sentences adding up to about `target` Chinese characters (stopping at the one that crosses it)."""
    out, total = [], 0
    while total < target:
        s = sentence(rng)
        if out and total + cjk_len(s) // 2 > target:
            break
        out.append(s)
        total += cjk_len(s)
    return out


def wrap(text, rng):
    """Wraps a paragraph at 28-40 characters per source line, breaking only between two Han characters
    (never after punctuation), so every soft break is one the renderer must remove."""
    lines, start, width = [], 0, rng.randint(28, 40)
    for i in range(1, len(text)):
        if i - start >= width and is_han(text[i - 1]) and is_han(text[i]):
            lines.append(text[start:i])
            start, width = i, rng.randint(28, 40)
    lines.append(text[start:])
    return "\n".join(lines)


def is_han(c):
    return "\u4e00" <= c <= "\u9fff"


def notice(rng, index, day, chars):
    title = rng.choice(TITLE_HEADS) + rng.choice(TITLE_TOPICS) + rng.choice(TITLE_TAILS)
    source = rng.choice(SOURCES)
    heading = rng.choice(HEADINGS)
    items = rng.sample(LIST_ITEMS, rng.randint(3, 5))
    deadline = day + datetime.timedelta(days=rng.randint(7, 30))
    link_para = (
        f"报名截止时间为**{deadline.year}年{deadline.month}月{deadline.day}日**。"
        "有关单位将上述材料发送至技术组电子邮箱，"
        "详见[竞赛报名](../registration.html)。"
    )
    fixed = cjk_len(heading) + sum(cjk_len(i) for i in items) + cjk_len(link_para)
    rest = max(chars - fixed, 60)
    parts = sentences(rng, rest)
    a, b = max(1, len(parts) * 45 // 100), max(2, len(parts) * 80 // 100)
    first, second, third = (wrap("".join(p), rng) for p in (parts[:a], parts[a:b], parts[b:]))
    body = "\n\n".join(p for p in [
        first,
        f"## {heading}",
        "\n".join(f"- {i}" for i in items),
        link_para + "\n" + second,
        third,
    ] if p)
    return f"---\ntitle: {title}\ndate: {day.isoformat()}\nsource: {source}\n---\n\n{body}\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("count", type=int)
    ap.add_argument("out_dir")
    ap.add_argument("--seed", type=int, default=20251016)
    ap.add_argument("--chars", type=int, default=400)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.out_dir, exist_ok=True)
    start = datetime.date(2019, 1, 1)
    span = (datetime.date(2025, 12, 31) - start).days
    total_chars = 0
    for index in range(1, args.count + 1):
        day = start + datetime.timedelta(days=rng.randint(0, span))
        text = notice(rng, index, day, args.chars)
        total_chars += cjk_len(text.split("\n---\n", 1)[1])
        name = f"{day.isoformat()}-notice-{index:05d}.md"
        with open(os.path.join(args.out_dir, name), "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
    print(f"{args.count} notices, {total_chars / max(args.count, 1):.0f} Chinese characters each on average",
          file=sys.stderr)


if __name__ == "__main__":
    main()
