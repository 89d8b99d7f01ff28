//go:build unix

package verify_test

import (
	"syscall"
	"time"
)

// cpuTime is the process's user and system CPU time. On a shared machine
// a benchmark's wall time mostly measures the neighbours; its CPU time per
// operation (garbage collection included) does not.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
