package sanctions.lib_test

import data.sanctions.lib
import data.sanctions.lib.testing

replaced(ev, fields) := testing.replaced(ev, fields)

# --- states by name, alias, capital, actor ---

test_state_by_name if {
	lib.supplier_country == "KP" with input as replaced(event, {"supplier": {"name": "North Korea"}})
}

test_state_by_long_name_and_kind_state if {
	ev := replaced(event, {"supplier": {"name": "Democratic People's Republic of Korea", "kind": "state"}})
	lib.supplier_country == "KP" with input as ev
}

test_state_by_capital_and_adjective if {
	lib.supplier_country == "KP" with input as replaced(event, {"supplier": {"name": "Pyongyang"}})
	lib.supplier_country == "KP" with input as replaced(event, {"supplier": {"name": "North Korean"}})
}

test_company_named_like_a_state_is_not_the_state if {
	not lib.supplier_country with input as replaced(event, {"supplier": {"name": "Korea", "kind": "company"}})
}

test_state_of_an_actor if {
	lib.country_code({"name": "Korean Central News Agency", "kind": "state_entity"}) == "KP"
}

# --- names of designations ---

test_name_keys_absorb_apostrophes_and_legal_forms if {
	lib.name_keys("Tanch'on Commercial Bank") == lib.name_keys("TANCHON COMMERCIAL BANK")
	count(lib.name_keys("Korea Mining Development Trading Corp.") & lib.name_keys("KOREA MINING DEVELOPMENT TRADING CORPORATION")) > 0
	"korea mining development trading" in lib.name_keys("Korea Mining Development Trading Corporation")
	lib.name_keys("Ryon-bong") & lib.name_keys("Ryonbong") == {"ryonbong"}
}

test_short_names_have_no_keys if lib.name_keys("Co.") == set()

# --- verdicts weigh the claims ---

denied := [{"status": "denied", "by": {"country": "KP"}}, {"status": "denied", "by": {"country": "RU"}}]

test_denials_only_never_a_possible_violation if {
	f := arms_finding with input as replaced(event, {"claims": denied})
	f.verdict == "needs_review"
	"No claim asserts the event: it is only denied, so nobody asserts that it happened." in f.reasoning
}

test_retracted_only_never_a_possible_violation if {
	claims := [{"status": "alleged", "by": {"name": "Example Daily", "kind": "media"}}, {"status": "retracted", "by": {"name": "Example Daily", "kind": "media"}}]
	f := arms_finding with input as replaced(event, {"claims": claims})
	f.verdict == "needs_review"
	"Every claim that asserted the event was retracted by its claimant: nobody now asserts it." in f.reasoning
}

test_retraction_by_another_claimant_leaves_the_assertion if {
	claims := [{"status": "reported", "by": {"country": "US"}}, {"status": "retracted", "by": {"name": "Example Daily", "kind": "media"}}]
	f := arms_finding with input as replaced(event, {"claims": claims})
	f.verdict == "possible_violation"
}

arms_finding := f if {
	some f in data.sanctions.findings
	f.rule_id == "DPRK-ARMS-EXPORT"
}
