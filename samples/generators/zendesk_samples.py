#!/usr/bin/env python3
"""Generates the Zendesk sample landing files under samples/landing/zendesk/ (deterministic: fixed seed).

Run from the repository root:  python3 samples/generators/zendesk_samples.py
Every name, email, subject and comment body is invented (from the small lists below) and sits only in fields
the readers drop, to show they are dropped. See samples/README.md, section "Zendesk".
"""
import csv
import gzip
import io
import json
import random
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "landing" / "zendesk"
rng = random.Random(311)
UTC = timezone.utc

FIRST = ["Avery", "Blake", "Casey", "Devon", "Emery", "Finley", "Harper", "Jordan", "Kendall", "Logan", "Morgan",
         "Quinn", "Riley", "Sawyer", "Taylor"]
LAST = ["Example", "Sample", "Placeholder", "Fictional", "Madeup", "Testperson"]
SUBJECTS = ["Missed garbage pickup", "Pothole on my street", "Streetlight out", "Parking permit question",
            "Graffiti on a wall", "Noise complaint", "Water bill question", "Tree branch down"]
CATEGORIES = ["Trash & Recycling", "Streets", "Parking", "Graffiti", "Noise", "Water", "Parks", "General Inquiry"]
# Raw "Contact Type" values as agents pick or type them: several spellings of one channel on purpose.
CONTACT_TYPES = ["Email"] * 6 + ["Webform"] * 3 + ["Web form"] * 2 + ["web_form"] + ["In-Person"] * 2 + \
                ["In Person", "Front Desk", "Chat", "Chat", "Phone", "Other"]
VIA = {"Email": "email", "Webform": "web", "Web form": "web", "web_form": "web", "Chat": "chat", "Phone": "voice"}
RATINGS = ["good"] * 5 + ["bad"] * 2 + ["offered", "unoffered", None, None, None]

# Users: 311 CSRs (csr_311 true), other city agents (not CSRs), an admin, and requesters (end-users).
CSR_IDS = [9101, 9102, 9103, 9104, 9105, 9106]
NON_CSR_AGENT_IDS = [9201, 9202, 9203]
ADMIN_ID = 9301
REQUESTER_IDS = list(range(7001, 7061))


def name():
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def make_tickets():
    tickets = []
    start = datetime(2025, 6, 1, tzinfo=UTC)
    ticket_id = 50001
    day = 0
    while day < 61:  # 2025-06-01 .. 2025-07-31
        for _ in range(rng.choice([2, 3, 4])):
            # Some tickets land within minutes of local midnight in Portland (06:30-07:30 UTC in PDT).
            if rng.random() < 0.15:
                created = start + timedelta(days=day + 1, hours=6, minutes=rng.randint(30, 89))
            else:
                created = start + timedelta(days=day, hours=rng.randint(14, 29), minutes=rng.randint(0, 59))
            if created >= datetime(2025, 8, 1, 7, tzinfo=UTC):  # keep local dates within July
                created = created - timedelta(hours=12)
            contact = CONTACT_TYPES[(ticket_id * 7) % len(CONTACT_TYPES)]
            requester = rng.choice(REQUESTER_IDS)
            tickets.append({
                "id": ticket_id, "created_at": created, "updated_at": created + timedelta(hours=rng.randint(1, 30)),
                "status": rng.choice(["solved", "solved", "closed", "open", "pending"]),
                "via_channel": VIA.get(contact, "web"), "contact_type": contact,
                "category": rng.choice(CATEGORIES), "satisfaction": rng.choice(RATINGS),
                "subject": rng.choice(SUBJECTS), "description": f"Reported by {name()}: please help.",
                "requester_id": requester,
                # Every tenth ticket is only ever answered by a non-CSR agent: not a 311-handled contact.
                "handled_by": rng.choice(NON_CSR_AGENT_IDS) if ticket_id % 10 == 0 else rng.choice(CSR_IDS),
            })
            ticket_id += 1
        day += 1
    return tickets


def events_for(t, next_id):
    """A public requester comment at creation, an agent reply, and for solved tickets a status change."""
    created = t["created_at"]
    # First responses: chat within seconds to a few minutes (the 60-second goal is met about half the time);
    # email and webform mostly the same day, about one in seven after more than 24 hours.
    if t["contact_type"] == "Chat":
        reply = created + timedelta(seconds=rng.randint(15, 150))
    elif rng.random() < 0.15:
        reply = created + timedelta(hours=rng.randint(25, 48))
    else:
        reply = created + timedelta(minutes=rng.randint(5, 600))
    rows = [
        (next_id, t["id"], created, t["requester_id"], "Comment", True, f"{t['subject']} - {name()} writing"),
        (next_id + 1, t["id"], reply, t["handled_by"], "Comment", True, f"Hello {name()}, thanks for contacting 311."),
    ]
    if t["status"] in ("solved", "closed"):
        rows.append((next_id + 2, t["id"], reply + timedelta(minutes=1), t["handled_by"], "Change", False, ""))
    return rows


def write_csv(path, header, rows, gz=False):
    path.parent.mkdir(parents=True, exist_ok=True)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    data = buf.getvalue().encode("utf-8")
    path.write_bytes(gzip.compress(data, mtime=0) if gz else data)


def write_jsonl(path, records, gz=False):
    path.parent.mkdir(parents=True, exist_ok=True)
    data = "".join(json.dumps(r, separators=(",", ":")) + "\n" for r in records).encode("utf-8")
    path.write_bytes(gzip.compress(data, mtime=0) if gz else data)


def ticket_csv_row(t):
    return [t["id"], iso(t["created_at"]), iso(t["updated_at"]), t["status"], t["via_channel"], t["contact_type"],
            t["category"], t["satisfaction"] or "", t["subject"], t["description"], t["requester_id"]]


def ticket_api_json(t):
    """The shape Zendesk's API writes: nested via.channel and satisfaction_rating.score."""
    return {"id": t["id"], "created_at": iso(t["created_at"]), "updated_at": iso(t["updated_at"]),
            "status": t["status"], "subject": t["subject"], "description": t["description"],
            "via": {"channel": t["via_channel"], "source": {"from": {"name": name()}}},
            "contact_type": t["contact_type"], "category": t["category"], "requester_id": t["requester_id"],
            "satisfaction_rating": {"score": t["satisfaction"] or "unoffered"}}


def main():
    tickets = make_tickets()
    june = [t for t in tickets if t["created_at"] < datetime(2025, 7, 1, 7, tzinfo=UTC)]
    july = [t for t in tickets if t not in june]
    header = ["id", "created_at", "updated_at", "status", "via_channel", "contact_type", "category",
              "satisfaction", "subject", "description", "requester_id"]

    # Tickets: June as CSV, July as gzipped JSON Lines (API shape), then a corrected re-export.
    write_csv(ROOT / "tickets" / "2025-07-01_tickets_june.csv", header, [ticket_csv_row(t) for t in june])
    write_jsonl(ROOT / "tickets" / "2025-08-01_tickets_july.jsonl.gz", [ticket_api_json(t) for t in july], gz=True)
    corrected = []
    for t in june[::15]:
        c = dict(t)
        c["updated_at"] = datetime(2025, 8, 2, 18, 0, tzinfo=UTC)
        c["status"] = "closed"
        c["contact_type"] = "In Person" if t["contact_type"] == "Front Desk" else t["contact_type"]
        c["category"] = "General Inquiry"
        corrected.append(c)
    write_csv(ROOT / "tickets" / "2025-08-03_tickets_corrections.csv", header, [ticket_csv_row(t) for t in corrected])

    # Events: June flat CSV; July as incremental-export records, split so that the last week's events land in
    # a file dated before the July tickets file (events may arrive before their tickets).
    next_id = 800001
    june_events, july_events = [], []
    for t in tickets:
        rows = events_for(t, next_id)
        next_id += 10
        (june_events if t in june else july_events).append((t, rows))
    write_csv(ROOT / "ticket_events" / "2025-07-01_events_june.csv",
              ["id", "ticket_id", "created_at", "author_id", "event_type", "public", "body"],
              [[r[0], r[1], iso(r[2]), r[3], r[4], "true" if r[5] else "false", r[6]]
               for _, rows in june_events for r in rows])

    def export_records(items):
        out = []
        for t, rows in items:
            for r in rows:
                child = {"id": r[0] + 5, "type": "Comment" if r[4] == "Comment" else "Change",
                         "author_id": r[3], "public": r[5], "body": r[6], "html_body": f"<p>{r[6]}</p>"}
                out.append({"id": r[0], "ticket_id": r[1], "timestamp": int(r[2].timestamp()),
                            "created_at": iso(r[2]), "updater_id": r[3], "via": "Web form",
                            "event_type": "Audit", "child_events": [child]})
        return out

    late_cut = datetime(2025, 7, 25, tzinfo=UTC)
    early = [(t, rows) for t, rows in july_events if t["created_at"] < late_cut]
    last_week = [(t, rows) for t, rows in july_events if t["created_at"] >= late_cut]
    write_jsonl(ROOT / "ticket_events" / "2025-07-25_events_export.jsonl", export_records(early))
    write_jsonl(ROOT / "ticket_events" / "2025-07-31_events_export_last_week.jsonl.gz",
                export_records(last_week), gz=True)

    # Users: a JSON array; CSR marker in user_fields.csr_311.
    users = []
    for uid in CSR_IDS:
        users.append({"id": uid, "name": name(), "email": f"agent{uid}@example.org", "role": "agent",
                      "updated_at": "2025-05-15T16:00:00Z", "user_fields": {"csr_311": True, "team": "311"}})
    for uid in NON_CSR_AGENT_IDS:
        users.append({"id": uid, "name": name(), "email": f"agent{uid}@example.org", "role": "agent",
                      "updated_at": "2025-05-15T16:00:00Z", "user_fields": {"csr_311": False, "team": "BDS"}})
    users.append({"id": ADMIN_ID, "name": name(), "role": "admin", "user_fields": {}})
    for uid in REQUESTER_IDS:
        users.append({"id": uid, "name": name(), "email": f"resident{uid}@example.com", "role": "end-user",
                      "user_fields": None})
    path = ROOT / "users" / "2025-06-01_users.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(users, indent=1) + "\n", encoding="utf-8")

    print(f"tickets: {len(tickets)} ({len(june)} June CSV, {len(july)} July JSONL.gz, {len(corrected)} corrected)")
    print(f"events: {sum(len(r) for _, r in june_events)} June CSV rows, {len(early)} + {len(last_week)} July tickets' export records")
    print(f"users: {len(users)}")


if __name__ == "__main__":
    main()
