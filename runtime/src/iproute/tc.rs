//! Traffic control through IPRoute: qdisc, class and filter requests and dumps.
