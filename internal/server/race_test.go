//go:build race

package server_test

// raceEnabled: under the race detector, which slows everything tenfold, the load test sends
// fewer requests; it still checks every answer.
const raceEnabled = true
