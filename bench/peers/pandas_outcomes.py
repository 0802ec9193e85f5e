#!/usr/bin/env python3
"""pandas_outcomes.py: the batch task in pandas (Debian's python3-pandas).

Usage, in a folder written by `psephos generate`:  python3 pandas_outcomes.py OUT.csv
Prints the lines of publish/outcomes_csv.h (the same as outcomes.sql) to OUT.csv.
"""
import sys

import pandas as pd


def group_of(keys, groups):
    """Totals group of control keys: every independent is IND; the registry groups the rest."""
    mapped = keys.map(groups)
    return mapped.where(mapped.notna(), keys).where(~keys.str.startswith("IND:"), "IND")


def field(text):
    """A key or label as a CSV field: quoted (RFC 4180) when it holds a comma, a quote or a line
    break, as Psephos writes it (an independent's key is the candidate's name)."""
    return '"' + text.replace('"', '""') + '"' if any(c in text for c in ',"\r\n') else text


def main(out_path):
    text = dict(dtype=str, keep_default_na=False)
    results = pd.read_csv("results.csv", usecols=["ballot_paper_id", "person_name", "party_id",
                                                   "votes", "elected"], **text)
    councils = pd.read_csv("councils.csv", **text)
    not_up = pd.read_csv("not_up.csv", **text)
    seats_up = pd.read_csv("seats_up.csv", **text)
    groups = pd.read_csv("groups.csv", **text).set_index("party")["totals_group"]

    # Control keys and flags; winners are the most votes, a tie at the cut broken by the flags.
    party = results["party_id"]
    key = party.where(~party.str.startswith("party:"), "PP" + party.str[6:])
    key = key.where(party != "ynmp-party:2", "IND:" + results["person_name"])
    cand = pd.DataFrame({"ballot": results["ballot_paper_id"], "party": key,
                         "votes": results["votes"].astype("int64"),
                         "flag": (results["elected"] == "t").astype("int64")})
    seats = cand.groupby("ballot", sort=False)["flag"].sum()
    cand = cand.sort_values(["ballot", "votes", "flag"], ascending=[True, False, False], kind="stable")
    cand["place"] = cand.groupby("ballot", sort=False).cumcount() + 1
    winners = cand[cand["place"] <= cand["ballot"].map(seats)][["ballot", "party"]]

    ward_council = seats_up.groupby(["council", "ballot_paper_id"], sort=False).size().rename("up").reset_index()
    ballot_council = ward_council.set_index("ballot_paper_id")["council"]
    total = councils.set_index("council")["total_seats"].astype("int64")
    not_up["seats"] = not_up["seats"].astype("int64")

    won = winners.assign(council=winners["ballot"].map(ballot_council), seats=1)
    after = pd.concat([not_up, won[["council", "party", "seats"]]]).groupby(
        ["council", "party"], sort=False)["seats"].sum().reset_index()
    defended = seats_up[seats_up["defending"] != ""]
    eve = pd.concat([not_up, pd.DataFrame({"council": defended["council"], "party": defended["defending"],
                                           "seats": 1})]).groupby(["council", "party"], sort=False)["seats"].sum().reset_index()
    declared = set(seats.index)
    undeclared = ward_council[~ward_council["ballot_paper_id"].isin(declared)]
    unknown = undeclared.groupby("council")["up"].sum().reindex(total.index, fill_value=0)

    def majority(comp):
        comp = comp[2 * comp["seats"] > comp["council"].map(total)]
        return comp.set_index("council")["party"].reindex(total.index)

    after_party = majority(after)
    before_party = majority(eve)
    best = after.groupby("council")["seats"].max().reindex(total.index, fill_value=0)
    settled = after_party.notna() | (2 * (best + unknown) <= total)
    after_id = after_party.fillna("NOC")
    before_id = before_party.fillna("NOC")
    changed = after_id != before_id

    label = (after_id + " gain from " + before_id).where(changed, after_id + " hold").where(settled, "")
    lines = ["ward," + b + "," + field(p) + "," + str(n)
             for (b, p), n in winners.groupby(["ballot", "party"], sort=False).size().items()]
    lines += ["council," + c + "," + field(a if s else "") + "," + field(l) + "," + str(u)
              for c, a, s, l, u in zip(total.index, after_id, settled, label, unknown)]
    lines += ["seats," + c + "," + field(p) + "," + str(n)
              for c, p, n in zip(after["council"], after["party"], after["seats"]) if n > 0]

    # The state of the parties over settled councils, against the eve of poll.
    is_settled = settled.to_dict()
    won_settled = won[won["council"].map(is_settled)]
    defended_declared = defended[defended["ballot_paper_id"].isin(declared) & defended["council"].map(is_settled)]
    rows = [pd.DataFrame({"grp": group_of(won_settled["party"], groups), "seats": 1, "seats_change": 1}),
            pd.DataFrame({"grp": group_of(defended_declared["defending"], groups), "seats_change": -1})]
    settled_after = after_party[settled & after_party.notna()]
    rows.append(pd.DataFrame({"grp": group_of(settled_after, groups), "councils": 1,
                              "councils_change": changed[settled_after.index].astype("int64")}))
    lost = before_party[settled & changed & before_party.notna()]
    rows.append(pd.DataFrame({"grp": group_of(lost, groups), "councils_change": -1}))
    tally = pd.concat(rows).fillna(0).groupby("grp")[["councils", "councils_change", "seats", "seats_change"]].sum()
    for grp, t in tally.astype("int64").iterrows():
        if t.any():
            lines.append("party,%s,%d,%d,%d,%d" % (grp, t["councils"], t["councils_change"], t["seats"], t["seats_change"]))
    noc = settled & after_party.isna()
    noc_change = int((noc & changed).sum()) - int((settled & before_party.isna() & changed).sum())
    lines.append("noc,%d,%d" % (int(noc.sum()), noc_change))
    lines.append("settled,%d,%d" % (int(settled.sum()), len(total)))
    with open(out_path, "w") as out:
        out.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
