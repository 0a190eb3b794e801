package config

import (
	"bytes"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/pflag"
	"github.com/spf13/viper"
)

// EnvName is the environment variable of a setting: check.fail_on is SANCTIONS_CHECK_FAIL_ON.
func EnvName(key string) string {
	return "SANCTIONS_" + strings.ToUpper(strings.ReplaceAll(key, ".", "_"))
}

// Source says where the value of a setting came from, for an error about it, in viper's order
// of precedence: the flag (bound to the key) when given ("--fail-on"), else the environment
// variable when set ("SANCTIONS_CHECK_FAIL_ON"), else the config file when it holds the key
// ("sanctions.yaml: check.fail_on"), else the built-in defaults ("check.fail_on"). flag may be
// nil for a setting that has none.
func Source(v *viper.Viper, key string, flag *pflag.Flag) string {
	if flag != nil && flag.Changed {
		return "--" + flag.Name
	}
	if env := EnvName(key); envSet(env) {
		return env
	}
	if file := v.GetString("config_file"); file != "" && fileSets(file, key) {
		return fmt.Sprintf("%s: %s", file, key)
	}
	return key
}

// envSet matches viper's AutomaticEnv, which takes an empty variable as not set.
func envSet(name string) bool {
	val, ok := os.LookupEnv(name)
	return ok && val != ""
}

// fileSets tells whether the config file sets key; the file was read once already by New.
func fileSets(file, key string) bool {
	data, err := os.ReadFile(file)
	if err != nil {
		return false
	}
	f := viper.New()
	f.SetConfigType("yaml")
	return f.ReadConfig(bytes.NewReader(data)) == nil && f.IsSet(key)
}
