// The shared formulas as the CPU twins compile them (CMake gives this file ag_cpu's options,
// -ffp-contract=off among them): the host side of twin_rounding_test.cpp.
#include "formula_twins.h"

namespace host {
#include "formula_body.inc"
}
