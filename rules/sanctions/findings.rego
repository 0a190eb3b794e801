# METADATA
# title: All findings
# description: >-
#   The findings of every rule package for the input event. This is the one query the checker
#   evaluates per event; an OPA server serving these rules answers it at /v1/data/sanctions/findings.
#   A new regime adds one line here.
# scope: package
# schemas:
#   - input: schema.event
package sanctions

findings contains f if {
	some f in data.sanctions.dprk[_].finding
}
