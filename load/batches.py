#!/usr/bin/env python3
"""Batch-advice bodies for the load scripts that log a realistic log (load/disk.sh, load/simulate.sh).

Usage: load/batches.py DIR DECISIONS PREFIX SHARE [SHARE ...]
Writes DIR/00000.json, DIR/00001.json, ... each {"items": [...up to 1,000 advice requests...]}:
most customers new, one in five seen before (so transitions and stored stages occur as in
production), facts spread over every band the rules test, purchase shares drawn from SHARE ...
Customers are PREFIX-<batch>-<item>, request ids prefix-<batch>-<item>; the same arguments always
give the same files (seeded).
"""
import json
import random
import sys

work, total, prefix = sys.argv[1], int(sys.argv[2]), sys.argv[3]
shares = [float(s) if "." in s else int(s) for s in sys.argv[4:]]
random.seed(7)
seen = []
for b in range((total + 999) // 1000):
    items = []
    for i in range(min(1000, total - b * 1000)):
        if seen and random.random() < 0.2:
            customer = random.choice(seen)
        else:
            customer = f"{prefix}-{b}-{i}"
            seen.append(customer)
        item = {"customerId": customer, "requestId": f"{prefix.lower()}-{b}-{i}",
                "purchaseShare": random.choice(shares),
                "annualRevenue": random.choice([100000, 500000, 1500000, 6000000]),
                "profitMargin": random.choice([0.05, 0.15, 0.35]),
                "revenueTrend": random.choice([-0.3, -0.1, 0.05, 0.2]),
                "orderCount12m": random.randint(0, 40), "tenureMonths": random.randint(1, 120),
                "segmentSize": random.choice(["FEW", "MEDIUM", "MANY"])}
        if random.random() < 0.5:
            item.update(satisfaction=random.choice([2.5, 3.8, 4.5]), openComplaints=random.randint(0, 3),
                        paymentOnTimeRate=random.choice([0.6, 0.95]))
        items.append(item)
    with open(f"{work}/{b:05d}.json", "w") as f:
        json.dump({"items": items}, f)
