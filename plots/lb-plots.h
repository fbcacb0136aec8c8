/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-plots.h: the umbrella header of the plots/ layer. No GTK here, ever.
 */
#pragma once

#include "lb-engine.h"
#include "lb-chart.h"
