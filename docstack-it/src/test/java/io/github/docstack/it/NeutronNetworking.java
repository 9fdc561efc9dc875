package io.github.docstack.it;

import java.util.List;

/**
 * What neutron in the sample cloud reports, by release, as its neutron project decides from the packages it holds:
 * Zed runs ML2/linuxbridge with its L2, DHCP and L3 agents; from 2025.1 on, where linuxbridge left neutron, ML2/OVN,
 * whose one agent is the chassis (ovn-controller, a gateway too) and whose ports are Open vSwitch's.
 *
 * @param agentTypes the agent types the stack's host reports once its networking is up
 * @param vifType    the binding type of a server's port
 */
record NeutronNetworking(List<String> agentTypes, String vifType) {

    static NeutronNetworking of(String release) {
        return "zed".equals(release)
                ? new NeutronNetworking(List.of("Linux bridge agent", "DHCP agent", "L3 agent"), "bridge")
                : new NeutronNetworking(List.of("OVN Controller Gateway agent"), "ovs");
    }
}
