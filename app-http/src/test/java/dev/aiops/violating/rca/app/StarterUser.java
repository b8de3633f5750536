package dev.aiops.violating.rca.app;

import dev.aiops.violating.rca.spring.RcaStarterBean;

/** Breaks NOTHING_DEPENDS_ON_THE_STARTER: the service reaches into the Spring Boot starter. */
public class StarterUser {
  final RcaStarterBean bean = new RcaStarterBean();
}
