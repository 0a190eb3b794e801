package sanctions.dprk.banking_test

import data.sanctions.dprk.banking
import data.sanctions.lib.testing

office := object.union(testing.event, {
	"type": "other",
	"date": "2018-06",
	"summary": "Foreign Trade Bank kept a representative office in Shenyang.",
	"supplier": {"name": "Foreign Trade Bank", "country": "KP", "kind": "state_entity"},
	"location": {"country": "CN", "place": "Shenyang"},
	"claims": [{"status": "reported", "by": {"name": "Panel of Experts", "kind": "international_org"}}],
})

ties := object.union(office, {
	"type": "financial",
	"summary": "A Hong Kong bank maintained correspondent accounts for Foreign Trade Bank.",
	"supplier": {"name": "a Hong Kong bank", "country": "HK", "kind": "company"},
	"recipient": {"name": "Foreign Trade Bank", "country": "KP", "kind": "state_entity"},
	"location": {"country": "HK"},
})

in_dprk := object.union(office, {
	"summary": "A Chinese bank ran a branch in Rason.",
	"supplier": {"name": "a Chinese commercial bank", "country": "CN", "kind": "company"},
	"location": {"country": "KP", "place": "Rason"},
})

people := object.union(office, {
	"summary": "Representatives of Korea Kwangson Banking Corp operated in Dandong.",
	"supplier": {"name": "Korea Kwangson Banking Corp", "country": "KP", "kind": "state_entity"},
	"location": {"country": "CN", "place": "Dandong"},
})

only_finding(e) := f if {
	fs := banking.finding with input as e
	count(fs) == 1
	some f in fs
}

quiet(e) if count(banking.finding) == 0 with input as e

paragraphs(f) := [sprintf("%s %s", [c.resolution, c.paragraph]) | some c in f.citations]

has_reason(f, fragment) if {
	some r in f.reasoning
	contains(r, fragment)
}

at(e, date) := object.union(e, {"date": date})

# --- DPRK bank offices abroad ---

test_a_dprk_bank_office_abroad_after_the_ninety_days_fires if {
	f := only_finding(office)
	f.verdict == "possible_violation"
	paragraphs(f) == ["2270 (2016) 33"]
	has_reason(f, "A DPRK bank, Foreign Trade Bank (KP), has a branch, subsidiary or representative office in Shenyang, China (CN) (the event says 'representative office').")
}

test_an_office_within_the_ninety_days_needs_review if {
	f := only_finding(at(office, "2016-04"))
	f.verdict == "needs_review"
	has_reason(f, "newly opened, or an existing one within its ninety days to close")
}

test_a_new_office_within_the_ninety_days_fires if {
	f := only_finding(object.union(at(office, "2016-04"), {"summary": "Foreign Trade Bank opened a representative office in Shenyang."}))
	f.verdict == "possible_violation"
	has_reason(f, "The event says the office or relationship is new.")
}

test_an_office_before_2270_is_quiet if quiet(at(office, "2015-10"))

test_a_dprk_bank_office_in_the_dprk_is_quiet if {
	quiet(object.union(office, {"location": {"country": "KP", "place": "Pyongyang"}}))
}

test_an_office_in_a_place_not_stated_needs_review if {
	f := only_finding(object.union(object.remove(office, ["location"]), {"location": {"place": "somewhere"}}))
	f.verdict == "needs_review"
	has_reason(f, "Where the offices operate is not stated")
}

test_a_dprk_company_that_is_no_bank_is_quiet if {
	quiet(object.union(office, {"supplier": {"name": "Korea Ryonbong General Corporation", "country": "KP", "kind": "state_entity"}}))
}

test_a_foreign_bank_office_abroad_is_quiet if {
	quiet(object.union(office, {"supplier": {"name": "Bank of China", "country": "CN", "kind": "company"}}))
}

test_a_meeting_is_quiet if quiet(object.union(office, {"type": "meeting"}))

test_an_agreement_to_open_an_office_needs_review if {
	f := only_finding(object.union(office, {"type": "agreement", "summary": "Foreign Trade Bank agreed to open a branch in Shenyang."}))
	f.verdict == "needs_review"
	has_reason(f, "The event is an agreement")
}

# --- people working for DPRK banks abroad ---

test_bank_representatives_abroad_fire_from_2321 if {
	f := only_finding(people)
	f.verdict == "possible_violation"
	paragraphs(f) == ["2321 (2016) 33"]
	has_reason(f, "People working for a DPRK bank, Korea Kwangson Banking Corp (KP), operate in Dandong, China (CN) (the event says 'representatives').")
}

test_bank_representatives_before_2321_are_quiet if quiet(at(people, "2016-06"))

test_bank_representatives_in_the_dprk_are_quiet if {
	quiet(object.union(people, {"location": {"country": "KP"}}))
}

test_a_representative_office_is_an_office_not_people if {
	f := only_finding(office)
	not has_reason(f, "People working for")
}

# --- correspondent relationships, accounts, joint ventures with DPRK banks ---

test_correspondent_accounts_with_a_dprk_bank_fire if {
	f := only_finding(ties)
	f.verdict == "possible_violation"
	paragraphs(f) == ["2270 (2016) 33"]
	has_reason(f, "A DPRK bank, Foreign Trade Bank (KP), and a Hong Kong bank (HK) are tied by 'correspondent accounts'.")
}

test_correspondent_accounts_within_the_ninety_days_need_review if {
	f := only_finding(at(ties, "2016-04"))
	f.verdict == "needs_review"
	has_reason(f, "an existing one within its ninety days to end")
}

test_correspondent_accounts_before_2270_are_quiet if quiet(at(ties, "2015"))

test_ties_with_a_party_that_may_not_be_a_financial_institution_need_review if {
	f := only_finding(object.union(ties, {
		"summary": "A Hong Kong trader held an account with Foreign Trade Bank.",
		"supplier": {"name": "a Hong Kong trader", "country": "HK", "kind": "company"},
	}))
	f.verdict == "needs_review"
	has_reason(f, "Whether a Hong Kong trader (HK) is a financial institution is not established.")
}

test_a_financier_is_a_financial_institution if {
	f := only_finding(object.union(ties, {
		"summary": "A Hong Kong firm held an account with Foreign Trade Bank.",
		"supplier": {"name": "Foreign Trade Bank", "country": "KP", "kind": "state_entity"},
		"recipient": {"country": "KP"},
		"parties": [{"name": "a Hong Kong firm", "country": "HK", "kind": "company", "role": "financier"}],
	}))
	f.verdict == "possible_violation"
}

test_ties_among_dprk_parties_are_quiet if {
	quiet(object.union(ties, {"supplier": {"name": "Daedong Credit Bank", "country": "KP", "kind": "company"}, "location": {"country": "KP"}}))
}

test_a_complete_element_is_not_weakened_by_an_incomplete_one if {
	# the correspondent accounts are complete; the representatives' place is not stated.
	f := only_finding(object.union(object.remove(ties, ["location"]), {
		"summary": "A Hong Kong bank maintained correspondent accounts for Foreign Trade Bank, whose representatives handled them.",
		"location": {"place": "unstated"},
	}))
	f.verdict == "possible_violation"
	not has_reason(f, "People working for")
}

# --- foreign financial institutions in the DPRK ---

test_a_foreign_bank_branch_in_the_dprk_after_2321_fires if {
	f := only_finding(at(in_dprk, "2017-06"))
	f.verdict == "possible_violation"
	paragraphs(f) == ["2321 (2016) 31"]
	has_reason(f, "A foreign financial institution, a Chinese commercial bank (CN), has an office or account in the DPRK, at Rason, North Korea (KP) (the event says 'branch').")
}

test_a_foreign_bank_branch_in_the_dprk_in_2016_needs_review if {
	f := only_finding(at(in_dprk, "2016-06"))
	f.verdict == "needs_review"
	paragraphs(f) == ["2270 (2016) 35"]
	has_reason(f, "only on credible information")
}

test_a_new_foreign_bank_branch_in_the_dprk_in_2016_fires if {
	f := only_finding(object.union(at(in_dprk, "2016-06"), {"summary": "A Chinese bank opened a branch in Rason."}))
	f.verdict == "possible_violation"
	paragraphs(f) == ["2270 (2016) 34"]
}

test_a_foreign_bank_branch_in_the_dprk_in_the_ninety_days_after_2321_needs_review if {
	f := only_finding(at(in_dprk, "2017-01"))
	f.verdict == "needs_review"
	paragraphs(f) == ["2321 (2016) 31"]
}

test_a_foreign_bank_branch_in_the_dprk_before_2270_is_quiet if quiet(at(in_dprk, "2015-06"))

test_a_foreign_company_office_in_the_dprk_is_quiet if {
	quiet(object.union(in_dprk, {"summary": "A Chinese trading company ran an office in Rason.", "supplier": {"name": "a Chinese trading company", "country": "CN", "kind": "company"}}))
}
