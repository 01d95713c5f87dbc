package io.millwright.simulators.erp.service;

import io.millwright.erp.contract.ListCustomersRequest;
import io.millwright.erp.contract.ListCustomersResponse;
import io.millwright.erp.contract.ListItemsRequest;
import io.millwright.erp.contract.ListItemsResponse;
import io.millwright.simulators.erp.mapping.ErpContractMapper;
import io.millwright.simulators.erp.persistence.CustomerEntity;
import io.millwright.simulators.erp.persistence.ItemEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

@ApplicationScoped
public class MasterDataService {

    @Transactional
    public ListCustomersResponse listCustomers(ListCustomersRequest request) {
        ListCustomersResponse response = new ListCustomersResponse();
        CustomerEntity.changedSince(request == null ? null : request.getChangedSince())
                .forEach(customer -> response.getCustomer().add(ErpContractMapper.customer(customer)));
        return response;
    }

    @Transactional
    public ListItemsResponse listItems(ListItemsRequest request) {
        ListItemsResponse response = new ListItemsResponse();
        ItemEntity.changedSince(request == null ? null : request.getChangedSince())
                .forEach(item -> response.getItem().add(ErpContractMapper.item(item)));
        return response;
    }
}
