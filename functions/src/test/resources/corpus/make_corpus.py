#!/usr/bin/env python3
"""Writes the byte-exact text files of the bad-input corpus (see README.md). Run from this folder.

Kept so that every byte is explained: BOMs, Windows-1252, CRLF, truncation and garbage are easier to
review here than in a hex dump. The Parquet files are written by ParquetCorpusFiles (see README.md).
"""
import gzip
import io
import random

def write(name, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(name, "wb") as f:
        f.write(data)

PREAMBLE = "311 Multi-Day Multi-Skill\nSplit/Skill:\t101 - General; 102 - Water\nDate:\t7/1/2025 - 7/3/2025\nTime Zone:\tDefault\n\n"
HEADER = "Date\tSplit/Skill\tACD Calls\tAban Calls\tAvg Speed Ans\n"

# --- the good drops every run starts from ---------------------------------------------------------
write("good/skills.csv", "skill\n101 - General\n102 - Water\n")
write("good/avaya-june.txt", "311 Multi-Day Multi-Skill\nDate:\t6/1/2025 - 6/3/2025\n\n" + HEADER
      + "6/1/2025\t101 - General\t100\t10\t0:30\n6/1/2025\t102 - Water\t40\t4\t0:45\n"
      + "6/2/2025\t101 - General\t90\t5\t0:20\n6/3/2025\t102 - Water\t30\t0\t1:00\nTotals\t\t260\t19\t\n")
write("good/tickets.csv",
      "id,created_at,updated_at,status,via_channel,contact_type,category,satisfaction,subject,description,requester_name,requester_email\n"
      "5001,2025-06-01T16:00:00Z,2025-06-01T18:00:00Z,solved,email,Email,Trash,good,Bin missed,\"Planted body: call Robin Plantedname\",Robin Plantedname,robin.planted@example.org\n"
      "5002,2025-06-02T17:00:00Z,2025-06-02T19:00:00Z,solved,web,Web form,Parking,bad,Blocked drive,Planted comment text,Sam Plantedname,sam.planted@example.org\n")
write("good/events.csv",
      "id,ticket_id,created_at,author_id,event_type,public,body\n"
      "8001,5001,2025-06-01T17:00:00Z,601,Comment,true,Planted reply to Robin Plantedname\n"
      "8002,5002,2025-06-02T18:00:00Z,601,Comment,true,Planted reply to Sam Plantedname\n")
write("good/users.json",
      '[{"id": 601, "name": "Casey Plantedname", "email": "casey.planted@example.org", "role": "agent",'
      ' "updated_at": "2025-05-01T00:00:00Z", "user_fields": {"csr_311": true}}]\n')

# --- Avaya CMS exports ----------------------------------------------------------------------------
write("avaya-zero-byte.txt", b"")
write("avaya-blank-lines-only.txt", "\n\n   \n\t\n")
write("avaya-header-only.txt", PREAMBLE + HEADER)
write("avaya-truncated-last-line.txt", PREAMBLE + HEADER
      + "7/1/2025\t101 - General\t50\t5\t0:30\n7/2/2025\t101 - General\t60\t6\t0:30\n7/3/2025\t101 - Gen")
write("avaya-wrong-delimiter.txt", "Date|Split/Skill|ACD Calls|Aban Calls\n7/1/2025|101 - General|50|5\n")
write("avaya-mixed-delimiters.txt", PREAMBLE + HEADER
      + "7/1/2025\t101 - General\t50\t5\t0:30\n7/2/2025,101 - General,60,6,0:30\n7/3/2025;101 - General;70;7;0:30\n")
write("avaya-duplicate-required-column.csv", "Date,Split/Skill,ACD Calls,Aban Calls,ACD Calls\n7/1/2025,101,50,5,50\n")
write("avaya-missing-required-column.txt", PREAMBLE + "Date\tSplit/Skill\tACD Calls\tAvg Speed Ans\n7/1/2025\t101 - General\t50\t0:30\n")
write("avaya-extra-columns.txt", PREAMBLE
      + "Date\tSplit/Skill\tACD Calls\tAban Calls\tSupervisor Notes\tAvg Speed Ans\tRegion Code\n"
      + "7/1/2025\t101 - General\t50\t5\tquiet\t0:30\tNW\n7/1/2025\t102 - Water\t20\t2\t\t0:40\tNW\n")
write("avaya-utf8-bom.csv", b"\xef\xbb\xbf" + "Date,Split/Skill,ACD Calls,Aban Calls\n7/2/2025,101 - General,61,3\n7/2/2025,102 - Water,21,1\n".encode("utf-8"))
write("avaya-windows-1252.txt", "Date\tSplit/Skill\tACD Calls\tAban Calls\r\n7/3/2025\t101 \u2013 General Atenci\u00f3n\t70\t7\r\n".encode("cp1252"))
write("avaya-crlf.csv", "Date;Split/Skill;ACD Calls;Aban Calls\r\n07/04/2025;101 - General;44;4\r\n07/04/2025;102 - Water;11;1\r\n")
write("avaya-unterminated-quote.csv", "Date,Split/Skill,ACD Calls,Aban Calls\n7/5/2025,\"101 - General,50,5\n7/5/2025,102 - Water,20,2\n")
write("avaya-non-numeric-counts.txt", PREAMBLE + HEADER + "7/1/2025\t101 - General\tfifty\t5\t0:30\n7/2/2025\t101 - General\t60\t6\t0:30\n")
write("avaya-negative-counts.txt", PREAMBLE + HEADER + "7/1/2025\t101 - General\t50\t-3\t0:30\n7/2/2025\t101 - General\t60\t6\t0:30\n")
write("avaya-abandoned-above-acd.txt", "Date\tSplit/Skill\tACD Calls\tAban Calls\n7/6/2025\t101 - General\t5\t40\n")
write("avaya-future-date.txt", PREAMBLE + HEADER + "12/31/2030\t101 - General\t50\t5\t0:30\n7/2/2025\t101 - General\t60\t6\t0:30\n")
write("avaya-unparseable-date.txt", PREAMBLE + HEADER + "7/2/2025\t101 - General\t60\t6\t0:30\n31/31/2025\t101 - General\t50\t5\t0:30\n")
write("avaya-duration-out-of-range.txt", PREAMBLE + HEADER + "7/1/2025\t101 - General\t50\t5\t25:00:00\n7/2/2025\t101 - General\t60\t6\t0:30\n")
write("avaya-bad-preamble-date.txt", "311 Daily Skill\nDate:\t13/45/2025\n\nSplit/Skill\tACD Calls\tAban Calls\n101 - General\t50\t5\n")
rng = random.Random(311)
write("avaya-binary-garbage.txt", bytes(rng.randrange(256) for _ in range(4096)))
write("avaya-pdf-wrong-extension.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + bytes(rng.randrange(256) for _ in range(512)))
# A valid gzip member cut after its header and a few deflate bytes, then garbage: not a readable stream.
whole = gzip.compress(("Date,Split/Skill,ACD Calls,Aban Calls\n" + "7/1/2025,101 - General,50,5\n" * 200).encode(), mtime=0)
write("avaya-corrupt-gzip.txt.gz", whole[:40] + bytes(rng.randrange(256) for _ in range(200)))
write("avaya-gzip-valid.csv.gz", gzip.compress("Date,Split/Skill,ACD Calls,Aban Calls\n7/7/2025,101 - General,77,7\n".encode(), mtime=0))
# 150 data rows, one of them bad: 1 of 150 = 0.67 %, under the 1 % threshold, so the file is taken without it.
rows = "".join(f"7/{8 + i // 30}/2025\t{300 + i % 30} - Skill {i % 30}\t{10 + i}\t{i % 5}\n" for i in range(150))
lines = rows.splitlines(keepends=True)
lines[99] = "7/11/2025\t309 - Skill 9\tn/a\t4\n"
write("avaya-one-bad-row-in-150.txt", "Date\tSplit/Skill\tACD Calls\tAban Calls\n" + "".join(lines))
write("avaya-odd-path-content.txt", "Date\tSplit/Skill\tACD Calls\tAban Calls\n7/12/2025\t102 - Water\t12\t2\n")
write("avaya-same-content.txt", "Date\tSplit/Skill\tACD Calls\tAban Calls\n7/13/2025\t101 - General\t13\t3\n")

# --- Zendesk tables -------------------------------------------------------------------------------
TH = "id,created_at,updated_at,status,via_channel,contact_type,category,satisfaction\n"
write("tickets-zero-byte.csv", b"")
write("tickets-header-only.csv", TH)
write("tickets-missing-required-column.csv", "id,updated_at,status\n7001,2025-07-01T10:00:00Z,open\n")
write("tickets-duplicated-column.csv", "id,created_at,status,Created_At\n7001,2025-07-01T10:00:00Z,open,2025-07-01T10:00:00Z\n")
write("tickets-extra-columns.csv", "id,created_at,updated_at,status,via_channel,contact_type,category,satisfaction,priority,tags,custom_x\n"
      "7001,2025-07-01T16:00:00Z,2025-07-01T17:00:00Z,solved,email,Email,Water,good,high,a b,1\n"
      "7002,2025-07-02T16:00:00Z,2025-07-02T17:00:00Z,open,web,Web form,Trash,,low,,2\n")
write("tickets-unterminated-quote.csv", TH + "7003,2025-07-01T16:00:00Z,,open,email,\"Email,Water,\n7004,2025-07-01T16:00:00Z,,open,email,Email,Water,\n")
write("tickets-bad-timestamps.csv", TH + "7005,yesterday,,open,email,Email,Water,\n7006,2025-07-01T16:00:00Z,,open,email,Email,Water,\n")
write("tickets-future-updated.csv", TH + "7014,2025-07-01T16:00:00Z,2025-07-01T17:00:00Z,solved,email,Email,Water,\n7015,2025-07-01T16:00:00Z,2035-07-01T17:00:00Z,solved,email,Email,Water,\n")
write("tickets-non-numeric-id.csv", TH + "7007,2025-07-01T16:00:00Z,,open,email,Email,Water,\nabc,2025-07-01T16:00:00Z,,open,email,Email,Water,\n")
write("tickets-truncated.json", '[{"id":7008,"created_at":"2025-07-01T16:00:00Z"},\n{"id":7009,"crea')
write("tickets-object-not-records.json", '{"tickets": [{"id": 7010, "created_at": "2025-07-01T16:00:00Z"}], "count": 1}\n')
write("tickets-deeply-nested.json", '[{"id":7011,"created_at":"2025-07-01T16:00:00Z","x":' + "[" * 5000 + "]" * 5000 + "}]\n")
write("tickets-array-line.jsonl", '{"id":7012,"created_at":"2025-07-01T16:00:00Z"}\n  [1,2]\n')
write("tickets-wrong-extension.xlsx", b"PK\x03\x04" + bytes(rng.randrange(256) for _ in range(300)))
write("tickets-csv-named-parquet.parquet", TH + "7013,2025-07-01T16:00:00Z,,open,email,Email,Water,\n")
write("tickets-corrupt-gzip.jsonl.gz", b"\x1f\x8b\x08\x00" + bytes(rng.randrange(256) for _ in range(300)))
full = gzip.compress(("".join('{"id":%d,"created_at":"2025-07-01T16:00:00Z"}\n' % (7100 + i) for i in range(300))).encode(), mtime=0)
write("tickets-truncated-gzip.jsonl.gz", full[: len(full) // 2])
write("tickets-binary-garbage.csv", bytes(rng.randrange(256) for _ in range(2048)))
write("events-object-not-records.json", '{"ticket_events": [], "next_page": null}\n')
write("events-bom-crlf.csv", b"\xef\xbb\xbf" + ("id,ticket_id,created_at,author_id,event_type,public\r\n"
      "8101,7001,2025-07-01T18:00:00Z,601,Comment,true\r\n8102,7002,2025-07-02T18:00:00Z,601,Comment,false\r\n").encode())
write("users-truncated.jsonl", '{"id":602,"role":"agent","user_fields":{"csr_311":true}}\n{"id":603,"role":"ag')
write("skills-binary.csv", bytes(rng.randrange(256) for _ in range(1024)))
write("unknown-place.csv", "a,b\n1,2\n")
