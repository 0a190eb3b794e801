# METADATA
# title: DPRK banks abroad and banking ties with the DPRK
# description: >-
#   States must prohibit the opening and operation in their territories of branches, subsidiaries
#   and representative offices of DPRK banks, and bar their financial institutions from joint
#   ventures, ownership interests and correspondent relationships with DPRK banks, closing the
#   existing ones within ninety days (2270 (2016)); must bar their financial institutions from
#   opening representative offices, subsidiaries, branches or bank accounts in the DPRK (2270
#   (2016)) and close the existing ones within ninety days (2321 (2016)); and must expel
#   individuals working for DPRK banks (2321 (2016)). Fires when a DPRK bank (a DPRK party whose
#   name is a bank's) has an office or people outside the DPRK, or an account, correspondent
#   relationship, joint venture or ownership interest with a foreign party, or when a foreign
#   financial institution has an office or account in the DPRK. Within the ninety days to close,
#   an office or relationship not said to be new needs review; one the Committee approved belongs
#   in the exemptions table.
# scope: package
# custom:
#   id: DPRK-BANKING
#   category: financial
#   severity: high
#   citations:
#     - resolution: 2321 (2016)
#       paragraph: "33"
#       in_force: "2016-11-30"
#       measure: bank_representatives
#       summary: >-
#         If a Member State determines that an individual is working on behalf of or at the
#         direction of a DPRK bank or financial institution, it shall expel the individual from its
#         territory for repatriation, unless the individual's presence is required for a judicial
#         process or exclusively for medical, safety or other humanitarian purposes, or the
#         Committee decides otherwise case by case.
#       url: https://docs.un.org/en/S/RES/2321(2016)
#       note: paragraph number not yet confirmed against the resolution text
#     - resolution: 2270 (2016)
#       paragraph: "33"
#       in_force: "2016-03-02"
#       measure: new_dprk_bank_office
#       summary: >-
#         States shall prohibit in their territories the opening and operation of new branches,
#         subsidiaries and representative offices of DPRK banks, and close the existing ones within
#         ninety days of the adoption.
#       url: https://docs.un.org/en/S/RES/2270(2016)
#       note: paragraph number not yet confirmed against the resolution text
#     - resolution: 2270 (2016)
#       paragraph: "33"
#       in_force: "2016-05-31"
#       measure: dprk_bank_office
#       summary: >-
#         States shall prohibit in their territories the opening and operation of new branches,
#         subsidiaries and representative offices of DPRK banks, and close the existing ones within
#         ninety days of the adoption.
#       url: https://docs.un.org/en/S/RES/2270(2016)
#       note: paragraph number not yet confirmed against the resolution text
#     - resolution: 2270 (2016)
#       paragraph: "33"
#       in_force: "2016-03-02"
#       until: "2016-05-30"
#       measure: dprk_bank_office
#       summary: >-
#         States shall prohibit in their territories the opening and operation of new branches,
#         subsidiaries and representative offices of DPRK banks, and close the existing ones within
#         ninety days of the adoption.
#       url: https://docs.un.org/en/S/RES/2270(2016)
#       note: paragraph number not yet confirmed against the resolution text
#       review: Whether this office was newly opened, or an existing one within its ninety days to close, is not established.
#     - resolution: 2270 (2016)
#       paragraph: "33"
#       in_force: "2016-03-02"
#       measure: new_bank_ties
#       summary: >-
#         States shall prohibit financial institutions within their territories or subject to their
#         jurisdiction from establishing new joint ventures and from taking an ownership interest
#         in or establishing or maintaining correspondent relationships with DPRK banks, unless the
#         Committee approves in advance, and terminate the existing ones within ninety days.
#       url: https://docs.un.org/en/S/RES/2270(2016)
#       note: paragraph number not yet confirmed against the resolution text
#     - resolution: 2270 (2016)
#       paragraph: "33"
#       in_force: "2016-05-31"
#       measure: bank_ties
#       summary: >-
#         States shall prohibit financial institutions within their territories or subject to their
#         jurisdiction from establishing new joint ventures and from taking an ownership interest
#         in or establishing or maintaining correspondent relationships with DPRK banks, unless the
#         Committee approves in advance, and terminate the existing ones within ninety days.
#       url: https://docs.un.org/en/S/RES/2270(2016)
#       note: paragraph number not yet confirmed against the resolution text
#     - resolution: 2270 (2016)
#       paragraph: "33"
#       in_force: "2016-03-02"
#       until: "2016-05-30"
#       measure: bank_ties
#       summary: >-
#         States shall prohibit financial institutions within their territories or subject to their
#         jurisdiction from establishing new joint ventures and from taking an ownership interest
#         in or establishing or maintaining correspondent relationships with DPRK banks, unless the
#         Committee approves in advance, and terminate the existing ones within ninety days.
#       url: https://docs.un.org/en/S/RES/2270(2016)
#       note: paragraph number not yet confirmed against the resolution text
#       review: Whether this relationship was newly established, or an existing one within its ninety days to end, is not established.
#     - resolution: 2321 (2016)
#       paragraph: "31"
#       in_force: "2017-02-28"
#       measure: office_in_dprk
#       summary: >-
#         Member States shall close existing representative offices, subsidiaries or banking
#         accounts in the DPRK within ninety days of the adoption, unless the Committee determines
#         case by case that they are required for humanitarian assistance, diplomatic missions,
#         the United Nations or another purpose consistent with the resolutions.
#       url: https://docs.un.org/en/S/RES/2321(2016)
#       note: paragraph number not yet confirmed against the resolution text
#     - resolution: 2321 (2016)
#       paragraph: "31"
#       in_force: "2016-11-30"
#       until: "2017-02-27"
#       measure: office_in_dprk
#       summary: >-
#         Member States shall close existing representative offices, subsidiaries or banking
#         accounts in the DPRK within ninety days of the adoption, unless the Committee determines
#         case by case that they are required for humanitarian assistance, diplomatic missions,
#         the United Nations or another purpose consistent with the resolutions.
#       url: https://docs.un.org/en/S/RES/2321(2016)
#       note: paragraph number not yet confirmed against the resolution text
#       review: Whether this office or account was newly opened, which 2270 (2016) already prohibited, or an existing one within its ninety days to close, is not established.
#     - resolution: 2270 (2016)
#       paragraph: "34"
#       in_force: "2016-03-02"
#       measure: new_office_in_dprk
#       summary: >-
#         States shall prohibit financial institutions within their territories or subject to their
#         jurisdiction from opening new representative offices or subsidiaries, branches or banking
#         accounts in the DPRK.
#       url: https://docs.un.org/en/S/RES/2270(2016)
#       note: paragraph number not yet confirmed against the resolution text
#     - resolution: 2270 (2016)
#       paragraph: "35"
#       in_force: "2016-03-02"
#       until: "2016-11-29"
#       measure: office_in_dprk
#       summary: >-
#         States shall close existing representative offices, subsidiaries or banking accounts in
#         the DPRK within ninety days if they have credible information that such financial
#         services could contribute to the DPRK's nuclear or ballistic missile programmes or other
#         prohibited activities.
#       url: https://docs.un.org/en/S/RES/2270(2016)
#       note: paragraph number not yet confirmed against the resolution text
#       review: Whether this office or account was newly opened, which 2270 (2016) prohibited, or an existing one, which had to close only on credible information that it could contribute to the DPRK's programmes, is not established.
package sanctions.dprk.banking

import data.sanctions.dprk.lib as dprk
import data.sanctions.lib

banking_types := {"financial", "cooperation", "agreement", "other"}

# involved lists every party with its place in the event.
involved contains {"role": "supplier", "party": input.supplier} if input.supplier

involved contains {"role": "recipient", "party": input.recipient} if input.recipient

involved contains {"role": p.role, "party": p} if some p in input.parties

bank_words := {"bank", "banks", "banking", "bancorp"}

# is_bank(p): the party's name is a bank's ("Foreign Trade Bank", "Korea Kwangson Banking Corp").
is_bank(p) if {
	some w in lib.words(p.name)
	w in bank_words
}

# dprk_banks: the DPRK banks of the event.
dprk_banks contains i.party if {
	some i in involved
	lib.country_code(i.party) == "KP"
	is_bank(i.party)
}

# foreign_parties: everyone the event places in a state other than the DPRK.
foreign_parties contains i if {
	some i in involved
	c := lib.country_code(i.party)
	c != "KP"
}

# institution(i): a foreign party that is a financial institution (named as a bank, or the
# event's financier).
institution(i) if is_bank(i.party)

institution(i) if i.role == "financier"

foreign_institutions contains i.party if {
	some i in foreign_parties
	institution(i)
}

office_phrases := {
	"branch", "branches", "subsidiary", "subsidiaries", "representative office",
	"representative offices", "office", "offices",
}

tie_phrases := {
	"account", "accounts", "bank account", "bank accounts", "correspondent", "correspondent account",
	"correspondent accounts", "correspondent relationship", "correspondent relationships",
	"correspondent banking", "nostro", "vostro", "joint venture", "joint ventures", "ownership interest",
	"stake", "shareholding",
}

representative_phrases := {"representative", "representatives", "agent", "agents", "banker", "bankers"}

new_phrases := {"opened", "opens", "opening", "new", "newly", "established", "set up", "sets up"}

# said(phrases): the phrases the event uses, the longest only ("correspondent accounts", not
# also "correspondent" and "accounts").
said(phrases) := sort({p |
	some p in found
	not inside_other(p, found)
}) if {
	found := {p | some p in phrases; lib.mentions(p)}
}

inside_other(p, found) if {
	some q in found
	q != p
	contains(sprintf(" %s ", [q]), sprintf(" %s ", [p]))
}

mentions_any(phrases) if count(said(phrases)) > 0

newly if mentions_any(new_phrases)

# people: the event speaks of representatives, not (only) of a representative office.
people if {
	mentions_any(representative_phrases - {"representative"})
}

people if {
	lib.mentions("representative")
	not lib.mentions("representative office")
}

# Where the event took place: in the DPRK, elsewhere, or not stated.
in_dprk if lib.location_country == "KP"

place_known if lib.location_country

bank_names := lib.join_and(sort({lib.label(b) | some b in dprk_banks}))

place_label := sprintf("%s, %s", [input.location.place, lib.label(input.location)]) if {
	input.location.place
	input.location.country
} else := lib.label(input.location) if {
	input.location.country
} else := input.location.place if {
	input.location.place
} else := "a place not stated"

# --- the elements, one object each: {measure, fact, review} -------------------------------------

# A DPRK bank's branch, subsidiary or representative office outside the DPRK.
elements contains {
	"measure": office_measure,
	"fact": sprintf("A DPRK bank, %s, has a branch, subsidiary or representative office in %s (the event says %s).", [bank_names, place_label, lib.quoted(said(office_phrases))]),
	"review": place_review("office"),
} if {
	count(dprk_banks) > 0
	mentions_any(office_phrases)
	not in_dprk
}

office_measure := "new_dprk_bank_office" if newly

else := "dprk_bank_office"

# People working for a DPRK bank outside the DPRK.
elements contains {
	"measure": "bank_representatives",
	"fact": sprintf("People working for a DPRK bank, %s, operate in %s (the event says %s).", [bank_names, place_label, lib.quoted(said(representative_phrases))]),
	"review": place_review("people"),
} if {
	count(dprk_banks) > 0
	people
	not in_dprk
}

# An account, correspondent relationship, joint venture or ownership interest between a foreign
# party and a DPRK bank.
elements contains {
	"measure": ties_measure,
	"fact": sprintf("A DPRK bank, %s, and %s are tied by %s.", [bank_names, foreign_names, lib.quoted(said(tie_phrases))]),
	"review": institution_review,
} if {
	count(dprk_banks) > 0
	count(foreign_parties) > 0
	mentions_any(tie_phrases)
}

ties_measure := "new_bank_ties" if newly

else := "bank_ties"

foreign_names := lib.join_and(sort({lib.label(i.party) | some i in foreign_parties}))

institution_review := [] if {
	some i in foreign_parties
	institution(i)
} else := [sprintf("Whether %s is a financial institution is not established.", [foreign_names])]

# A foreign financial institution's office or account in the DPRK.
elements contains {
	"measure": dprk_office_measure,
	"fact": sprintf("A foreign financial institution, %s, has an office or account in the DPRK, at %s (the event says %s).", [institution_names, place_label, lib.quoted(said(office_phrases | tie_phrases))]),
	"review": [],
} if {
	count(foreign_institutions) > 0
	in_dprk
	mentions_any(office_phrases | tie_phrases)
}

dprk_office_measure := "new_office_in_dprk" if newly

else := "office_in_dprk"

institution_names := lib.join_and(sort({lib.label(p) | some p in foreign_institutions}))

place_review(_) := [] if place_known

place_review(what) := [sprintf("Where the %s operate is not stated: the measure reaches %s outside the DPRK.", [subject, subject])] if {
	not place_known
	subject := {"office": "offices", "people": "people"}[what]
}

# used: the elements fully met when there are any (an element that lacks a fact does not weaken
# one that is complete); otherwise all of them, with what they lack.
used := complete if {
	complete := {e | some e in elements; count(e.review) == 0}
	count(complete) > 0
} else := elements

finding contains f if {
	input.type in banking_types
	count(used) > 0
	f := dprk.finding(rego.metadata.chain(), {
		"facts": array.concat(sort([e.fact | some e in used]), new_fact),
		"items": [],
		"measures": {e.measure | some e in used},
		"review": array.concat(sort([r | some e in used; some r in e.review]), agreement_review),
	})
}

new_fact := ["The event says the office or relationship is new."] if newly

else := []

agreement_review := ["The event is an agreement: whether the office was opened or the relationship established is not established."] if {
	input.type == "agreement"
} else := []
