/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-engine.h: the umbrella header of the engine/ layer. No GTK here, ever.
 */
#pragma once

#include "lb-data.h"
#include "lb-job.h"
#include "lb-data-jobs.h"
