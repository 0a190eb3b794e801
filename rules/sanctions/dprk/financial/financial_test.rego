package sanctions.dprk.financial_test

import data.sanctions.dprk.financial
import data.sanctions.lib.testing

event := object.union(testing.event, {
	"type": "financial",
	"date": "2017-06",
	"summary": "Payments for missile parts through a foreign bank.",
	"supplier": {"name": "a bank", "country": "MY", "kind": "company"},
	"recipient": {"country": "KP"},
	"items": [{"description": "payment for missile components"}],
	"claims": [{"status": "reported", "by": {"name": "Panel of Experts", "kind": "international_org"}}],
})

only_finding(e) := f if {
	fs := financial.finding with input as e
	count(fs) == 1
	some f in fs
}

test_payment_for_programme_items_fires if {
	f := only_finding(event)
	f.verdict == "possible_violation"
	f.citations[0].resolution == "2094 (2013)"
}

test_unlinked_payment_needs_review if {
	f := only_finding(object.union(event, {"items": [{"description": "a wire transfer"}]}))
	f.verdict == "needs_review"
}

test_trade_finance_fires_on_2321 if {
	f := only_finding(object.union(event, {"summary": "Export credit insurance for sales to the DPRK.", "items": []}))
	f.verdict == "possible_violation"
	f.citations[0].paragraph == "32"
}

test_bulk_cash_transfer if {
	f := only_finding(object.union(event, {"type": "transfer", "items": [{"description": "bulk cash"}]}))
	f.verdict == "needs_review"
}

test_before_2094_is_quiet if {
	count(financial.finding) == 0 with input as object.union(event, {"date": "2012"})
}

test_not_involving_the_dprk_is_quiet if {
	count(financial.finding) == 0 with input as object.union(event, {"recipient": {"country": "IR"}})
}
